// The words of the haul rules (issue 16): which measure a rule tests, on which roads, and how the
// screens name them. Pure: the rules page, the lead page and the estimate share them.

export const HAUL_DIMENSIONS = [
  "width",
  "height",
  "length",
  "front_overhang",
  "rear_overhang",
  "weight",
  "two_dimensions",
] as const;
export type THaulDimension = (typeof HAUL_DIMENSIONS)[number];

export const HAUL_DIMENSION_LABELS: Record<THaulDimension, string> = {
  width: "Width",
  height: "Height",
  length: "Length",
  front_overhang: "Front overhang",
  rear_overhang: "Rear overhang",
  weight: "Weight",
  two_dimensions: "Over escort limits in two dimensions",
};

/** Weight is in pounds; every other measure in inches; `two_dimensions` has no threshold. */
export function dimensionUnit(d: THaulDimension): "in" | "lb" | null {
  return d === "weight" ? "lb" : d === "two_dimensions" ? null : "in";
}

export const HAUL_ROAD_TYPES = ["all", "two_lane", "multi_lane"] as const;
export type THaulRoadType = (typeof HAUL_ROAD_TYPES)[number];
export const HAUL_ROAD_TYPE_LABELS: Record<THaulRoadType, string> = {
  all: "All roads",
  two_lane: "Two-lane",
  multi_lane: "Multi-lane / divided",
};

/** A rule as the estimate reads it (a row of haul_rules, thresholds in inches or pounds). */
export type THaulRule = {
  id?: number;
  state: string;
  dimension: THaulDimension;
  roadType: THaulRoadType;
  minValue: number | null;
  minInclusive: boolean;
  maxValue: number | null;
  frontEscorts: number;
  rearEscorts: number;
  heightPole: boolean;
  police: boolean;
  routeSurvey: boolean;
  superload: boolean;
  source: string;
  checkedOn: string;
  verified: boolean;
  note: string | null;
};

/** What the estimate prices with: the rules, the per escort-mile rate and each state's permit fee. */
export type THaulPricing = {
  rules: THaulRule[];
  escortMileRate: number;
  /** A state missing here or null: its permit fee is not known. */
  permitFees: Record<string, number | null>;
};

/** Inches as a reader says them: 204 → "17 ft", 189 → "15 ft 9 in". */
export function formatInches(inches: number): string {
  const ft = Math.floor(inches / 12);
  const rest = Math.round((inches - ft * 12) * 100) / 100;
  return rest ? `${ft} ft ${rest} in` : `${ft} ft`;
}

export function formatThreshold(d: THaulDimension, v: number): string {
  return dimensionUnit(d) === "lb" ? `${v.toLocaleString("en-US")} lb` : formatInches(v);
}
