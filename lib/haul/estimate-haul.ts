import {
  describeRuleEffect,
  type THaulDimension,
  type THaulPricing,
  type THaulRoadType,
  type THaulRule,
} from "@/lib/haul/haul-vocabulary";

// What a load needs on its route and roughly what the job is worth (issue 16). Pure: the ingest
// (estimated_value, priority), the lead page, the call list and the forecast all read its answer,
// which is stored on the lead as `haul`. The rules come from haul_rules, the rates from the
// company settings and haul_state_fees (lib/haul/load-haul-pricing.ts).

/** Imperial only: the webhook refuses metric before this is called. Any measure may be missing. */
export type THaulLoad = {
  length_ft?: number;
  width_ft?: number;
  height_ft?: number;
  weight_lbs?: number;
  front_overhang_ft?: number;
  rear_overhang_ft?: number;
};

export type THaulRoute = {
  /** In driving order, origin first; repeats are dropped. */
  states: string[];
  miles: number;
  /** Miles per state when the sender knows them; the rest of the route is shared by the others. */
  stateMiles?: Record<string, number>;
};

export type TRange = { low: number; high: number };

export type THaulState = {
  state: string;
  miles: number;
  known: boolean;
  /** Escort vehicles in this state (low–high over the road types the route may use); null when unknown. */
  escorts: TRange | null;
  front: TRange | null;
  rear: TRange | null;
  heightPole: boolean;
  police: boolean;
  routeSurvey: boolean;
  superload: boolean;
  unverified: boolean;
  permitFee: number | null;
  /** The rules that matched, in words. */
  reasons: string[];
};

export type THaulEstimate = {
  load: THaulLoad;
  states: THaulState[];
  miles: number;
  milesSplitEvenly: boolean;
  /** The most escorts needed at once anywhere on the route. */
  escorts: TRange;
  escortMiles: TRange;
  flags: { heightPole: boolean; police: boolean; routeSurvey: boolean; superload: boolean };
  /** null: nothing to price (no known state on the route, or no measure of the load). */
  value: (TRange & { estimate: number }) | null;
  breakdown: string;
  unknownStates: string[];
  missing: (keyof THaulLoad)[];
  roadTypes: THaulRoadType[];
};

const MEASURES: Record<Exclude<THaulDimension, "two_dimensions">, keyof THaulLoad> = {
  width: "width_ft",
  height: "height_ft",
  length: "length_ft",
  front_overhang: "front_overhang_ft",
  rear_overhang: "rear_overhang_ft",
  weight: "weight_lbs",
};
// Length and its overhangs count as one dimension for a "two dimensions" rule (TxDMV's exception).
const GROUP: Record<Exclude<THaulDimension, "two_dimensions">, string> = {
  width: "width",
  height: "height",
  length: "length",
  front_overhang: "length",
  rear_overhang: "length",
  weight: "weight",
};
const REQUIRED: (keyof THaulLoad)[] = ["length_ft", "width_ft", "height_ft", "weight_lbs"];

const cents = (n: number) => Math.round(n * 100) / 100;

function measure(load: THaulLoad, d: Exclude<THaulDimension, "two_dimensions">): number | undefined {
  const v = load[MEASURES[d]];
  if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
  // Feet to inches, rounded to a thousandth so 14 ft is exactly 168 in for the boundary tests.
  return d === "weight" ? v : Math.round(v * 12 * 1000) / 1000;
}

function matches(rule: THaulRule, value: number): boolean {
  const above =
    rule.minValue === null || (rule.minInclusive ? value >= rule.minValue : value > rule.minValue);
  const below = rule.maxValue === null || value <= rule.maxValue;
  return above && below;
}

/** Which road types the route's `road_types` words allow; both when they say nothing clear. */
export function roadVariants(roadTypes: string[] | undefined): Exclude<THaulRoadType, "all">[] {
  const words = (roadTypes ?? []).map((w) => w.toLowerCase());
  const two = words.some((w) => /two|2[-_ ]?lane|undivided/.test(w));
  const multi = words.some(
    (w) => /multi|divided|interstate|four|4[-_ ]?lane|freeway/.test(w) && !/undivided/.test(w),
  );
  if (two && !multi) return ["two_lane"];
  if (multi && !two) return ["multi_lane"];
  return ["two_lane", "multi_lane"];
}

function describeRule(rule: THaulRule): string {
  const road = rule.roadType === "all" ? "" : rule.roadType === "two_lane" ? " (two-lane)" : " (multi-lane)";
  return `${rule.dimension.replace("_", " ")}${road}: ${describeRuleEffect(rule)}${rule.verified ? "" : " [unverified]"}`;
}

function stateMiles(
  route: THaulRoute,
  states: string[],
): { miles: Record<string, number>; note: string | null; even: boolean } {
  const given = route.stateMiles ?? {};
  const out: Record<string, number> = {};
  const rest = states.filter((s) => typeof given[s] !== "number");
  const used = states.reduce((sum, s) => sum + (typeof given[s] === "number" ? given[s] : 0), 0);
  const share = rest.length ? Math.max(0, route.miles - used) / rest.length : 0;
  for (const s of states) out[s] = typeof given[s] === "number" ? given[s] : share;
  // Said on the lead, so nobody takes an even split for the real route.
  const even = rest.length === states.length && states.length > 1;
  const note = even
    ? `miles split evenly across ${states.length} states`
    : rest.length && rest.length < states.length
      ? `${rest.join("+")}: ${rest.length > 1 ? "sharing " : ""}the ${mi(Math.max(0, route.miles - used))} of the route not given per state`
      : null;
  return { miles: out, note, even };
}

function oneState(
  state: string,
  load: THaulLoad,
  rules: THaulRule[],
  variants: Exclude<THaulRoadType, "all">[],
): Omit<THaulState, "miles" | "permitFee"> {
  const own = rules.filter((r) => r.state === state);
  if (!own.length)
    return {
      state,
      known: false,
      escorts: null,
      front: null,
      rear: null,
      heightPole: false,
      police: false,
      routeSurvey: false,
      superload: false,
      unverified: false,
      reasons: [],
    };
  const perVariant = variants.map((v) => {
    const apply = own.filter((r) => r.roadType === "all" || r.roadType === v);
    const hit: THaulRule[] = [];
    for (const r of apply) {
      if (r.dimension === "two_dimensions") continue;
      const value = measure(load, r.dimension);
      if (value !== undefined && matches(r, value)) hit.push(r);
    }
    const groups = new Set(
      hit
        .filter((r) => r.frontEscorts + r.rearEscorts > 0)
        .map((r) => GROUP[r.dimension as Exclude<THaulDimension, "two_dimensions">]),
    );
    if (groups.size >= 2) hit.push(...apply.filter((r) => r.dimension === "two_dimensions"));
    const front = Math.max(0, ...hit.map((r) => r.frontEscorts));
    const rear = Math.max(0, ...hit.map((r) => r.rearEscorts));
    return { front, rear, hit };
  });
  const range = (pick: (x: (typeof perVariant)[number]) => number): TRange => ({
    low: Math.min(...perVariant.map(pick)),
    high: Math.max(...perVariant.map(pick)),
  });
  const hits = [...new Set(perVariant.flatMap((x) => x.hit))];
  return {
    state,
    known: true,
    escorts: range((x) => x.front + x.rear),
    front: range((x) => x.front),
    rear: range((x) => x.rear),
    heightPole: hits.some((r) => r.heightPole),
    police: hits.some((r) => r.police),
    routeSurvey: hits.some((r) => r.routeSurvey),
    superload: hits.some((r) => r.superload),
    unverified: hits.some((r) => !r.verified),
    reasons: hits.map(describeRule),
  };
}

const count = (r: TRange) => (r.low === r.high ? `${r.low}` : `${r.low}–${r.high}`);
const mi = (n: number) => `${Math.round(n).toLocaleString("en-US")} mi`;
const money = (n: number) =>
  `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function estimateHaul(
  input: { load: THaulLoad; route: THaulRoute; roadTypes?: string[] },
  pricing: THaulPricing,
): THaulEstimate {
  const { load, route } = input;
  const states = [...new Set(route.states.map((s) => s.toUpperCase()))];
  const variants = roadVariants(input.roadTypes);
  const { miles, note, even } = stateMiles(route, states);
  const rows: THaulState[] = states.map((s) => ({
    ...oneState(s, load, pricing.rules, variants),
    miles: miles[s],
    permitFee: pricing.permitFees[s] ?? null,
  }));
  const known = rows.filter((r) => r.known);
  const missing = REQUIRED.filter((k) => typeof load[k] !== "number");
  const measured = (Object.keys(MEASURES) as (keyof typeof MEASURES)[]).some(
    (d) => measure(load, d) !== undefined,
  );

  const escortMiles: TRange = {
    low: known.reduce((s, r) => s + r.escorts!.low * r.miles, 0),
    high: known.reduce((s, r) => s + r.escorts!.high * r.miles, 0),
  };
  const permits = rows.filter((r) => r.permitFee !== null).reduce((s, r) => s + r.permitFee!, 0);
  const value =
    known.length && measured
      ? (() => {
          const low = cents(escortMiles.low * pricing.escortMileRate + permits);
          const high = cents(escortMiles.high * pricing.escortMileRate + permits);
          return { low, high, estimate: cents((low + high) / 2) };
        })()
      : null;

  const parts: string[] = [];
  for (const r of known.filter((r) => r.escorts!.high > 0))
    parts.push(
      parts.length
        ? `${count(r.escorts!)} × ${mi(r.miles)} in ${r.state}`
        : `${count(r.escorts!)} escort${r.escorts!.high === 1 ? "" : "s"} × ${mi(r.miles)} in ${r.state}`,
    );
  if (known.length && !parts.length) parts.push("no private escort needed");
  const feeKnown = rows.filter((r) => r.permitFee !== null);
  const feeUnknown = rows.filter((r) => r.permitFee === null);
  if (feeKnown.length) parts.push(`permits ${feeKnown.map((r) => r.state).join("+")} (${money(permits)})`);
  if (feeUnknown.length) parts.push(`permit fee unknown: ${feeUnknown.map((r) => r.state).join("+")}`);
  const police = rows.filter((r) => r.police).map((r) => r.state);
  if (police.length) parts.push(`police escort in ${police.join("+")} (not priced)`);
  const unknownStates = rows.filter((r) => !r.known).map((r) => r.state);
  if (unknownStates.length) parts.push(`no escort rules for ${unknownStates.join("+")}`);
  if (note) parts.push(note);
  if (missing.length) parts.push(`missing ${missing.join(", ")}`);

  return {
    load,
    states: rows,
    miles: route.miles,
    milesSplitEvenly: even,
    escorts: {
      low: Math.max(0, ...known.map((r) => r.escorts!.low)),
      high: Math.max(0, ...known.map((r) => r.escorts!.high)),
    },
    escortMiles: { low: cents(escortMiles.low), high: cents(escortMiles.high) },
    flags: {
      heightPole: rows.some((r) => r.heightPole),
      police: police.length > 0,
      routeSurvey: rows.some((r) => r.routeSurvey),
      superload: rows.some((r) => r.superload),
    },
    value,
    breakdown: parts.join(", "),
    unknownStates,
    missing,
    roadTypes: variants,
  };
}
