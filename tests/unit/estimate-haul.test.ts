import { ESCORT_RULES_SEED } from "@/lib/haul/escort-rules-seed";
import { estimateHaul, roadVariants, type THaulLoad } from "@/lib/haul/estimate-haul";
import { haulInputFromLeadData } from "@/lib/haul/haul-input-from-lead-data";
import type { THaulPricing } from "@/lib/haul/haul-vocabulary";
import { estimateLeadValue } from "@/lib/ingest/estimate-lead-value";

// Loads × routes priced with the seeded rules and $2.00 per escort-mile; every figure below was
// worked out by hand from lib/haul/escort-rules-seed.ts (thresholds in inches: 14 ft = 168).
const pricing: THaulPricing = { rules: ESCORT_RULES_SEED, escortMileRate: 2, permitFees: {} };
const legal: THaulLoad = { length_ft: 70, width_ft: 8.5, height_ft: 13, weight_lbs: 80_000 };
const load = (over: THaulLoad): THaulLoad => ({ ...legal, ...over });

type TCase = {
  name: string;
  load: THaulLoad;
  states: string[];
  miles?: number;
  roads?: string[];
  /** escorts [low, high] for the whole route */
  escorts: [number, number];
  value: [number, number] | null;
  flags?: Partial<{ heightPole: boolean; police: boolean; routeSurvey: boolean; superload: boolean }>;
};

const TWO = ["two_lane"];
const MULTI = ["interstate"];
const cases: TCase[] = [
  // Texas width: over 14 ft one, over 16 ft two (front on two-lane, rear on divided below 16 ft).
  {
    name: "TX width exactly 14 ft: none",
    load: load({ width_ft: 14 }),
    states: ["TX"],
    roads: TWO,
    escorts: [0, 0],
    value: [0, 0],
  },
  {
    name: "TX width 14.5 ft two-lane: 1",
    load: load({ width_ft: 14.5 }),
    states: ["TX"],
    roads: TWO,
    escorts: [1, 1],
    value: [200, 200],
  },
  {
    name: "TX width exactly 16 ft: still 1",
    load: load({ width_ft: 16 }),
    states: ["TX"],
    escorts: [1, 1],
    value: [200, 200],
  },
  {
    name: "TX width 16.5 ft: front and rear",
    load: load({ width_ft: 16.5 }),
    states: ["TX"],
    escorts: [2, 2],
    value: [400, 400],
  },
  // Texas height: over 17 ft front with pole, over 18 ft front and rear.
  {
    name: "TX height exactly 17 ft: none",
    load: load({ height_ft: 17 }),
    states: ["TX"],
    escorts: [0, 0],
    value: [0, 0],
    flags: { heightPole: false },
  },
  {
    name: "TX height 17.5 ft: front with pole",
    load: load({ height_ft: 17.5 }),
    states: ["TX"],
    escorts: [1, 1],
    value: [200, 200],
    flags: { heightPole: true },
  },
  {
    name: "TX height exactly 18 ft: front with pole",
    load: load({ height_ft: 18 }),
    states: ["TX"],
    escorts: [1, 1],
    value: [200, 200],
    flags: { heightPole: true },
  },
  {
    name: "TX height 18.5 ft: two",
    load: load({ height_ft: 18.5 }),
    states: ["TX"],
    escorts: [2, 2],
    value: [400, 400],
    flags: { heightPole: true, routeSurvey: false },
  },
  // Texas length: over 110 ft one, over 125 ft two plus route survey (superload, unverified).
  {
    name: "TX length exactly 110 ft: none",
    load: load({ length_ft: 110 }),
    states: ["TX"],
    escorts: [0, 0],
    value: [0, 0],
  },
  {
    name: "TX length exactly 125 ft: 1",
    load: load({ length_ft: 125 }),
    states: ["TX"],
    escorts: [1, 1],
    value: [200, 200],
    flags: { superload: false },
  },
  {
    name: "TX length 126 ft: 2, survey, superload",
    load: load({ length_ft: 126 }),
    states: ["TX"],
    escorts: [2, 2],
    value: [400, 400],
    flags: { routeSurvey: true, superload: true },
  },
  // Texas weight: superload above 254,300 lb, no escort for weight alone.
  {
    name: "TX weight exactly 254,300 lb: not a superload",
    load: load({ weight_lbs: 254_300 }),
    states: ["TX"],
    escorts: [0, 0],
    value: [0, 0],
    flags: { superload: false },
  },
  {
    name: "TX weight 254,301 lb: superload",
    load: load({ weight_lbs: 254_301 }),
    states: ["TX"],
    escorts: [0, 0],
    value: [0, 0],
    flags: { superload: true, routeSurvey: true },
  },
  // Texas: over limits in two dimensions → front and rear; length with overhang counts as one.
  {
    name: "TX 15 ft wide + 17.5 ft high two-lane: front and rear",
    load: load({ width_ft: 15, height_ft: 17.5 }),
    states: ["TX"],
    roads: TWO,
    escorts: [2, 2],
    value: [400, 400],
  },
  {
    name: "TX 120 ft long + 21 ft rear overhang, divided: one rear",
    load: load({ length_ft: 120, rear_overhang_ft: 21 }),
    states: ["TX"],
    roads: MULTI,
    escorts: [1, 1],
    value: [200, 200],
  },
  {
    name: "TX rear overhang exactly 20 ft: none",
    load: load({ rear_overhang_ft: 20 }),
    states: ["TX"],
    escorts: [0, 0],
    value: [0, 0],
  },
  // Oklahoma (unverified): 15 ft 9 in high or more → two with pole; width by road type.
  {
    name: "OK height exactly 15 ft 9 in: two with pole",
    load: load({ height_ft: 15.75 }),
    states: ["OK"],
    escorts: [2, 2],
    value: [400, 400],
    flags: { heightPole: true },
  },
  {
    name: "OK height 15.7 ft: none",
    load: load({ height_ft: 15.7 }),
    states: ["OK"],
    escorts: [0, 0],
    value: [0, 0],
  },
  {
    name: "OK width exactly 12 ft: none",
    load: load({ width_ft: 12 }),
    states: ["OK"],
    escorts: [0, 0],
    value: [0, 0],
  },
  {
    name: "OK width 15 ft, road unknown: 1–2",
    load: load({ width_ft: 15 }),
    states: ["OK"],
    escorts: [1, 2],
    value: [200, 400],
  },
  {
    name: "OK width 15 ft two-lane: 2",
    load: load({ width_ft: 15 }),
    states: ["OK"],
    roads: TWO,
    escorts: [2, 2],
    value: [400, 400],
  },
  {
    name: "OK length exactly 80 ft: none",
    load: load({ length_ft: 80 }),
    states: ["OK"],
    escorts: [0, 0],
    value: [0, 0],
  },
  {
    name: "OK length exactly 100 ft: 1",
    load: load({ length_ft: 100 }),
    states: ["OK"],
    escorts: [1, 1],
    value: [200, 200],
  },
  // Louisiana §I-309: private 12–16 ft wide and 90–125 ft long; police above.
  {
    name: "LA length exactly 90 ft: none",
    load: load({ length_ft: 90 }),
    states: ["LA"],
    escorts: [0, 0],
    value: [0, 0],
  },
  {
    name: "LA length 91 ft: one behind",
    load: load({ length_ft: 91 }),
    states: ["LA"],
    escorts: [1, 1],
    value: [200, 200],
  },
  {
    name: "LA width 17 ft: police, no private escort",
    load: load({ width_ft: 17 }),
    states: ["LA"],
    escorts: [0, 0],
    value: [0, 0],
    flags: { police: true },
  },
  // Unknown states and missing measures.
  {
    name: "AR only: unknown, nothing priced",
    load: load({ width_ft: 17 }),
    states: ["AR"],
    escorts: [0, 0],
    value: null,
  },
  {
    name: "only a width given: priced on it",
    load: { width_ft: 15 },
    states: ["TX"],
    escorts: [1, 1],
    value: [200, 200],
  },
  { name: "no measure at all: nothing priced", load: {}, states: ["TX"], escorts: [0, 0], value: null },
];

describe("estimateHaul: loads × routes with the seeded rules", () => {
  it.each(cases)("$name", (c) => {
    const h = estimateHaul(
      { load: c.load, route: { states: c.states, miles: c.miles ?? 100 }, roadTypes: c.roads },
      pricing,
    );
    expect([h.escorts.low, h.escorts.high]).toEqual(c.escorts);
    expect(h.value ? [h.value.low, h.value.high] : null).toEqual(c.value);
    for (const [flag, want] of Object.entries(c.flags ?? {}))
      expect([flag, h.flags[flag as keyof typeof h.flags]]).toEqual([flag, want]);
  });

  it("prices per state with the miles each state is driven, and writes the breakdown", () => {
    // TX: 15 ft wide (divided: rear) + 21 ft rear overhang (rear) = two dimensions → front and rear.
    // OK: 15 ft wide on a multi-lane road → one. (2 × 412 + 1 × 180) × $2 + permits $60 + $40 = $2,108.
    const h = estimateHaul(
      {
        load: load({ width_ft: 15, rear_overhang_ft: 21 }),
        route: { states: ["TX", "OK"], miles: 592, stateMiles: { TX: 412, OK: 180 } },
        roadTypes: ["interstate"],
      },
      { ...pricing, permitFees: { TX: 60, OK: 40 } },
    );
    expect(h.states.map((s) => [s.state, s.escorts, s.miles])).toEqual([
      ["TX", { low: 2, high: 2 }, 412],
      ["OK", { low: 1, high: 1 }, 180],
    ]);
    expect(h.value).toEqual({ low: 2108, high: 2108, estimate: 2108 });
    expect(h.escortMiles).toEqual({ low: 1004, high: 1004 });
    expect(h.breakdown).toBe("2 escorts × 412 mi in TX, 1 × 180 mi in OK, permits TX+OK ($100.00)");
    expect(h.milesSplitEvenly).toBe(false);
  });

  it("splits the route's miles evenly when the event gives no state_miles, and says so; unknown states are listed", () => {
    // 13 ft wide on two-lane roads: TX none, OK one (front), LA one (front); AR unknown; 400 mi / 4 = 100 each.
    const h = estimateHaul(
      {
        load: load({ width_ft: 13 }),
        route: { states: ["TX", "OK", "LA", "AR"], miles: 400 },
        roadTypes: TWO,
      },
      pricing,
    );
    expect(h.states.map((s) => s.miles)).toEqual([100, 100, 100, 100]);
    expect(h.value).toEqual({ low: 400, high: 400, estimate: 400 });
    expect(h.unknownStates).toEqual(["AR"]);
    expect(h.milesSplitEvenly).toBe(true);
    expect(h.breakdown).toBe(
      "1 escort × 100 mi in OK, 1 × 100 mi in LA, permit fee unknown: TX+OK+LA+AR, no escort rules for AR, miles split evenly across 4 states",
    );
  });

  it("shares what state_miles leaves over among the states it does not name", () => {
    const h = estimateHaul(
      {
        load: load({ width_ft: 15 }),
        route: { states: ["TX", "OK", "AR"], miles: 700, stateMiles: { TX: 412, OK: 180 } },
        roadTypes: TWO,
      },
      pricing,
    );
    expect(h.states.map((s) => [s.state, s.miles])).toEqual([
      ["TX", 412],
      ["OK", 180],
      ["AR", 108],
    ]);
    // TX 1 × 412 + OK 2 × 180 = 772 escort-miles × $2.
    expect(h.value?.estimate).toBe(1544);
    expect(h.milesSplitEvenly).toBe(false);
    expect(h.breakdown).toBe(
      "1 escort × 412 mi in TX, 2 × 180 mi in OK, permit fee unknown: TX+OK+AR, no escort rules for AR, AR: the 108 mi of the route not given per state",
    );
  });

  it("names the missing measures", () => {
    const h = estimateHaul({ load: { width_ft: 15 }, route: { states: ["TX"], miles: 100 } }, pricing);
    expect(h.missing).toEqual(["length_ft", "height_ft", "weight_lbs"]);
    expect(h.breakdown).toContain("missing length_ft, height_ft, weight_lbs");
  });

  it("reads road types from the event's words", () => {
    expect(roadVariants(["two-lane highway"])).toEqual(["two_lane"]);
    expect(roadVariants(["Interstate", "divided highway"])).toEqual(["multi_lane"]);
    expect(roadVariants(["undivided"])).toEqual(["two_lane"]);
    expect(roadVariants([])).toEqual(["two_lane", "multi_lane"]);
    expect(roadVariants(["two_lane", "interstate"])).toEqual(["two_lane", "multi_lane"]);
  });
});

describe("haulInputFromLeadData and the lead's value", () => {
  it("puts the route in driving order and reads state_miles", () => {
    const input = haulInputFromLeadData({
      route: {
        origin: { state: "tx" },
        states: ["TX", "OK"],
        destination: { state: "KS" },
        miles: 600,
        state_miles: { TX: 300 },
      },
      load: { width_ft: 15 },
      road_types: ["two_lane"],
    });
    expect(input?.route).toEqual({ states: ["TX", "OK", "KS"], miles: 600, stateMiles: { TX: 300 } });
    expect(haulInputFromLeadData({ total_cost: 900 })).toBeNull();
  });

  it("a load plan is worth its estimate; 500 only when there is nothing to price", () => {
    const priced = estimateHaul(
      { load: load({ width_ft: 16.5 }), route: { states: ["TX"], miles: 100 } },
      pricing,
    );
    const unknown = estimateHaul(
      { load: load({ width_ft: 16.5 }), route: { states: ["AR"], miles: 100 } },
      pricing,
    );
    expect(estimateLeadValue("load_plan", {}, priced)).toBe(400);
    expect(estimateLeadValue("load_plan", {}, unknown)).toBe(500);
    expect(estimateLeadValue("quote", { total_cost: 900 }, priced)).toBe(900);
  });
});
