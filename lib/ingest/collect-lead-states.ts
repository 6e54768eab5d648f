import { isStateCode } from "@/lib/geo/us-states";

type TPlace = { state?: unknown } | undefined;

function placeState(place: unknown): unknown {
  return place && typeof place === "object" ? (place as TPlace)?.state : undefined;
}

/**
 * Every state an event touches (origin, destination, route, pickup, delivery, shared location and
 * the company's home state), merged into what the lead already has: upper case, valid, no repeats,
 * first-seen order kept so the origin reads first.
 */
export function collectLeadStates(current: string[], data: Record<string, unknown>, companyState: string | null | undefined): string[] {
  const route = (data.route ?? {}) as Record<string, unknown>;
  const candidates: unknown[] = [
    ...current,
    placeState(route.origin),
    ...(Array.isArray(route.states) ? route.states : []),
    placeState(route.destination),
    placeState(data.pickup),
    placeState(data.delivery),
    placeState(data.location),
    companyState,
  ];
  const out: string[] = [];
  for (const c of candidates) {
    if (typeof c !== "string") continue;
    const code = c.trim().toUpperCase();
    if (isStateCode(code) && !out.includes(code)) out.push(code);
  }
  return out;
}
