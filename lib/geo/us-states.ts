// The lower 48 plus AK, HI and DC, with tile-map positions (column, row) for the territory map.
export const US_STATES: Record<string, { name: string; col: number; row: number }> = {
  AK: { name: "Alaska", col: 0, row: 0 }, ME: { name: "Maine", col: 11, row: 0 },
  VT: { name: "Vermont", col: 10, row: 1 }, NH: { name: "New Hampshire", col: 11, row: 1 },
  WA: { name: "Washington", col: 1, row: 2 }, ID: { name: "Idaho", col: 2, row: 2 }, MT: { name: "Montana", col: 3, row: 2 },
  ND: { name: "North Dakota", col: 4, row: 2 }, MN: { name: "Minnesota", col: 5, row: 2 }, WI: { name: "Wisconsin", col: 6, row: 2 },
  MI: { name: "Michigan", col: 8, row: 2 }, NY: { name: "New York", col: 9, row: 2 }, MA: { name: "Massachusetts", col: 10, row: 2 },
  RI: { name: "Rhode Island", col: 11, row: 2 },
  OR: { name: "Oregon", col: 1, row: 3 }, NV: { name: "Nevada", col: 2, row: 3 }, WY: { name: "Wyoming", col: 3, row: 3 },
  SD: { name: "South Dakota", col: 4, row: 3 }, IA: { name: "Iowa", col: 5, row: 3 }, IL: { name: "Illinois", col: 6, row: 3 },
  IN: { name: "Indiana", col: 7, row: 3 }, OH: { name: "Ohio", col: 8, row: 3 }, PA: { name: "Pennsylvania", col: 9, row: 3 },
  NJ: { name: "New Jersey", col: 10, row: 3 }, CT: { name: "Connecticut", col: 11, row: 3 },
  CA: { name: "California", col: 1, row: 4 }, UT: { name: "Utah", col: 2, row: 4 }, CO: { name: "Colorado", col: 3, row: 4 },
  NE: { name: "Nebraska", col: 4, row: 4 }, MO: { name: "Missouri", col: 5, row: 4 }, KY: { name: "Kentucky", col: 6, row: 4 },
  WV: { name: "West Virginia", col: 7, row: 4 }, VA: { name: "Virginia", col: 8, row: 4 }, MD: { name: "Maryland", col: 9, row: 4 },
  DE: { name: "Delaware", col: 10, row: 4 },
  AZ: { name: "Arizona", col: 2, row: 5 }, NM: { name: "New Mexico", col: 3, row: 5 }, KS: { name: "Kansas", col: 4, row: 5 },
  AR: { name: "Arkansas", col: 5, row: 5 }, TN: { name: "Tennessee", col: 6, row: 5 }, NC: { name: "North Carolina", col: 7, row: 5 },
  SC: { name: "South Carolina", col: 8, row: 5 }, DC: { name: "District of Columbia", col: 9, row: 5 },
  OK: { name: "Oklahoma", col: 4, row: 6 }, LA: { name: "Louisiana", col: 5, row: 6 }, MS: { name: "Mississippi", col: 6, row: 6 },
  AL: { name: "Alabama", col: 7, row: 6 }, GA: { name: "Georgia", col: 8, row: 6 },
  HI: { name: "Hawaii", col: 0, row: 7 }, TX: { name: "Texas", col: 4, row: 7 }, FL: { name: "Florida", col: 9, row: 7 },
};

export const STATE_CODES = Object.keys(US_STATES);

export function isStateCode(code: string): boolean {
  return code in US_STATES;
}
