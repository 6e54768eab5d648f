import type { THaulRule } from "@/lib/haul/haul-vocabulary";

// The one data file the escort rules are seeded from (lib/haul/seed-escort-rules.ts writes them
// into haul_rules once; after that the manager owns them on the Haul rules page). Thresholds in
// inches (12 ft = 144) or pounds. `verified` is true only where the figure was read in the cited
// official text; everything else names the third-party page it came from and stays unverified
// until someone reads the official source. States not listed here are "unknown" on every lead.

const CHECKED = "2026-12-06";
const TXDMV =
  "TxDMV, Escort and Equipment Requirements — https://www.txdmv.gov/motor-carriers/oversize-weight-permits/escort-and-equipment-requirements";
const TX_SUPERLOAD =
  "Unverified: sgpilotcars.com/texas, citing TxDMV superload rules (43 TAC §219); not confirmed in the official text";
const LA = "La. Admin. Code tit. 73, §I-309(B) (Permit Restriction — Escorts)";
const OK =
  "Unverified: parkerpilot.com/regs/ok.html and pilotcarsandpermits.com/regulations/oklahoma; official text would be Okla. Admin. Code 730:50 (not read)";

type TSeedRule = Omit<
  THaulRule,
  | "id"
  | "checkedOn"
  | "minInclusive"
  | "heightPole"
  | "police"
  | "routeSurvey"
  | "superload"
  | "note"
  | "frontEscorts"
  | "rearEscorts"
> &
  Partial<
    Pick<
      THaulRule,
      | "minInclusive"
      | "heightPole"
      | "police"
      | "routeSurvey"
      | "superload"
      | "note"
      | "frontEscorts"
      | "rearEscorts"
    >
  >;

const tx = (
  r: Omit<TSeedRule, "state" | "source" | "verified">,
  verified = true,
  source = TXDMV,
): TSeedRule => ({ state: "TX", source, verified, ...r });
const la = (r: Omit<TSeedRule, "state" | "source" | "verified">): TSeedRule => ({
  state: "LA",
  source: LA,
  verified: true,
  ...r,
});
const ok = (r: Omit<TSeedRule, "state" | "source" | "verified">): TSeedRule => ({
  state: "OK",
  source: OK,
  verified: false,
  ...r,
});

const SEED: TSeedRule[] = [
  // Texas: width over 14 ft up to 16 ft one escort (front on two-lane, rear on divided), over 16 ft front and rear.
  tx({ dimension: "width", roadType: "two_lane", minValue: 168, maxValue: 192, frontEscorts: 1 }),
  tx({ dimension: "width", roadType: "multi_lane", minValue: 168, maxValue: 192, rearEscorts: 1 }),
  tx({ dimension: "width", roadType: "all", minValue: 192, maxValue: null, frontEscorts: 1, rearEscorts: 1 }),
  // Height over 17 ft: front with a height pole; over 18 ft front (pole) and rear.
  tx({
    dimension: "height",
    roadType: "all",
    minValue: 204,
    maxValue: 216,
    frontEscorts: 1,
    heightPole: true,
  }),
  tx({
    dimension: "height",
    roadType: "all",
    minValue: 216,
    maxValue: null,
    frontEscorts: 1,
    rearEscorts: 1,
    heightPole: true,
  }),
  // Length over 110 ft up to 125 ft one (front on two-lane, rear on divided), over 125 ft front and rear.
  tx({ dimension: "length", roadType: "two_lane", minValue: 1320, maxValue: 1500, frontEscorts: 1 }),
  tx({ dimension: "length", roadType: "multi_lane", minValue: 1320, maxValue: 1500, rearEscorts: 1 }),
  tx({
    dimension: "length",
    roadType: "all",
    minValue: 1500,
    maxValue: null,
    frontEscorts: 1,
    rearEscorts: 1,
  }),
  // Overhangs over 20 ft: front overhang one (front on two-lane, rear on four or more lanes); rear overhang one rear.
  tx({ dimension: "front_overhang", roadType: "two_lane", minValue: 240, maxValue: null, frontEscorts: 1 }),
  tx({
    dimension: "front_overhang",
    roadType: "multi_lane",
    minValue: 240,
    maxValue: null,
    rearEscorts: 1,
    note: "TxDMV says four or more lanes",
  }),
  tx({ dimension: "rear_overhang", roadType: "all", minValue: 240, maxValue: null, rearEscorts: 1 }),
  tx({
    dimension: "two_dimensions",
    roadType: "all",
    minValue: null,
    maxValue: null,
    frontEscorts: 1,
    rearEscorts: 1,
    note: "Over escort limits in two dimensions: front and rear (length with overhang counts as one)",
  }),
  // Superload: route survey (unverified figures).
  tx(
    {
      dimension: "width",
      roadType: "all",
      minValue: 240,
      maxValue: null,
      routeSurvey: true,
      superload: true,
    },
    false,
    TX_SUPERLOAD,
  ),
  tx(
    {
      dimension: "height",
      roadType: "all",
      minValue: 227,
      maxValue: null,
      routeSurvey: true,
      superload: true,
    },
    false,
    TX_SUPERLOAD,
  ),
  tx(
    {
      dimension: "length",
      roadType: "all",
      minValue: 1500,
      maxValue: null,
      routeSurvey: true,
      superload: true,
    },
    false,
    TX_SUPERLOAD,
  ),
  tx(
    {
      dimension: "weight",
      roadType: "all",
      minValue: 254_300,
      maxValue: null,
      routeSurvey: true,
      superload: true,
    },
    false,
    TX_SUPERLOAD,
  ),

  // Louisiana §I-309(B): private escort over 12 ft up to 16 ft wide (in front on two-lane, behind
  // on multilane) and over 90 ft up to 125 ft long (behind); state police over 16 ft wide or 125 ft long.
  la({ dimension: "width", roadType: "two_lane", minValue: 144, maxValue: 192, frontEscorts: 1 }),
  la({ dimension: "width", roadType: "multi_lane", minValue: 144, maxValue: 192, rearEscorts: 1 }),
  la({ dimension: "length", roadType: "all", minValue: 1080, maxValue: 1500, rearEscorts: 1 }),
  la({
    dimension: "width",
    roadType: "all",
    minValue: 192,
    maxValue: null,
    police: true,
    note: 'State police escorts "normally required"',
  }),
  la({
    dimension: "length",
    roadType: "all",
    minValue: 1500,
    maxValue: null,
    police: true,
    note: 'State police escorts "normally required"',
  }),
  la({
    dimension: "width",
    roadType: "all",
    minValue: 216,
    maxValue: null,
    police: true,
    note: "Over 18 ft wide: the DOTD District Maintenance Engineer must approve the move",
  }),

  // Oklahoma (unverified, third-party pages): two-lane width over 12 ft up to 14 ft one, over 14 ft
  // two; multi-lane over 12 ft up to 16 ft one, over 16 ft two; length over 80 ft one, over 100 ft
  // two; 15 ft 9 in high or more two, utilities and railroads contacted.
  ok({ dimension: "width", roadType: "two_lane", minValue: 144, maxValue: 168, frontEscorts: 1 }),
  ok({
    dimension: "width",
    roadType: "two_lane",
    minValue: 168,
    maxValue: null,
    frontEscorts: 1,
    rearEscorts: 1,
  }),
  ok({ dimension: "width", roadType: "multi_lane", minValue: 144, maxValue: 192, rearEscorts: 1 }),
  ok({
    dimension: "width",
    roadType: "multi_lane",
    minValue: 192,
    maxValue: null,
    frontEscorts: 1,
    rearEscorts: 1,
  }),
  ok({
    dimension: "length",
    roadType: "all",
    minValue: 960,
    maxValue: 1200,
    frontEscorts: 1,
    note: "Escort position not confirmed",
  }),
  ok({
    dimension: "length",
    roadType: "all",
    minValue: 1200,
    maxValue: null,
    frontEscorts: 1,
    rearEscorts: 1,
  }),
  ok({
    dimension: "height",
    roadType: "all",
    minValue: 189,
    minInclusive: true,
    maxValue: null,
    frontEscorts: 1,
    rearEscorts: 1,
    heightPole: true,
    note: "Public utilities and railroads along the route must be contacted in advance",
  }),
];

export const ESCORT_RULES_SEED: THaulRule[] = SEED.map((r) => ({
  minInclusive: false,
  frontEscorts: 0,
  rearEscorts: 0,
  heightPole: false,
  police: false,
  routeSurvey: false,
  superload: false,
  note: null,
  checkedOn: CHECKED,
  ...r,
}));

/** Bump when rows are added here: a database seeded with an older version gets the new states' rows. */
export const ESCORT_RULES_SEED_VERSION = 1;
