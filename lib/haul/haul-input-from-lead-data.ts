import type { THaulLoad, THaulRoute } from "@/lib/haul/estimate-haul";

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const stateOf = (p: unknown) =>
  p && typeof p === "object" && typeof (p as { state?: unknown }).state === "string"
    ? (p as { state: string }).state.toUpperCase()
    : undefined;

/**
 * The load, route and road types of an event's (or a lead's) data, as the estimate takes them:
 * route states in driving order (origin, the listed states, destination). Null when the data has
 * no load or no route (a quote, a location share): there is no haul to estimate.
 */
export function haulInputFromLeadData(
  data: Record<string, unknown>,
): { load: THaulLoad; route: THaulRoute; roadTypes: string[] } | null {
  const load = data.load as Record<string, unknown> | undefined;
  const route = data.route as Record<string, unknown> | undefined;
  if (!load || typeof load !== "object" || !route || typeof route !== "object") return null;
  const listed = Array.isArray(route.states)
    ? route.states.filter((s): s is string => typeof s === "string").map((s) => s.toUpperCase())
    : [];
  const states = [
    ...new Set(
      [stateOf(route.origin), ...listed, stateOf(route.destination)].filter((s): s is string => !!s),
    ),
  ];
  const stateMilesIn =
    route.state_miles && typeof route.state_miles === "object"
      ? (route.state_miles as Record<string, unknown>)
      : undefined;
  const stateMiles = stateMilesIn
    ? Object.fromEntries(
        Object.entries(stateMilesIn).flatMap(([k, v]) =>
          num(v) !== undefined ? [[k.toUpperCase(), v as number]] : [],
        ),
      )
    : undefined;
  return {
    load: {
      length_ft: num(load.length_ft),
      width_ft: num(load.width_ft),
      height_ft: num(load.height_ft),
      weight_lbs: num(load.weight_lbs),
      front_overhang_ft: num(load.front_overhang_ft),
      rear_overhang_ft: num(load.rear_overhang_ft),
    },
    route: { states, miles: num(route.miles) ?? 0, ...(stateMiles ? { stateMiles } : {}) },
    roadTypes: Array.isArray(data.road_types)
      ? data.road_types.filter((s): s is string => typeof s === "string")
      : [],
  };
}
