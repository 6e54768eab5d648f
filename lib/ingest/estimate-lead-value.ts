import type { THaulEstimate } from "@/lib/haul/estimate-haul";

// What one event suggests its lead is worth (the lead keeps the larger of this and what it had).
// A load plan is worth its haul estimate (issue 16); this flat figure only when there is nothing
// to price (no state on the route has escort rules yet).
export const LOAD_PLAN_VALUE = 500;
// Used by ingest_lead_event() (prisma/migrations/…_ingest_lead_event) while no conversion exists.
export const LOCATION_SHARE_FALLBACK_VALUE = 1200;

/**
 * Load plan: its haul estimate (the middle of its range), else 500; quote `total_cost`, order attempt and order `total`, registration 0. A location
 * share names no price: null asks the database for the historical average conversion value
 * (1 200 before the first conversion), read inside the ingesting statement.
 */
export function estimateLeadValue(source: string, data: Record<string, unknown>, haul?: THaulEstimate | null): number | null {
  switch (source) {
    case "load_plan":
      return haul?.value ? haul.value.estimate : LOAD_PLAN_VALUE;
    case "quote":
      return Number(data.total_cost) || 0;
    case "location_share":
      return null;
    case "order_attempt":
    case "order_placed":
      return Number(data.total) || 0;
    default:
      return 0;
  }
}
