import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import { can, type TActor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { ZAnalyticsFilter, type TAnalyticsFilter, type TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";

/**
 * Validates a figure's filter and applies who may see what: a manager sees the team or any one
 * rep; a rep sees only their own figures, and asking for another rep's is answered like a page
 * that does not exist (404), so reps cannot probe each other's numbers.
 */
export function scopeAnalytics(actor: TActor, input: TAnalyticsFilterInput): TAnalyticsFilter {
  const filter = parseInput(ZAnalyticsFilter, input);
  assertCan(actor, "metrics.own");
  if (can(actor, "metrics.team")) return filter;
  if (filter.repId !== undefined && filter.repId !== actor.id) throw new AppError("NOT_FOUND", "Not found");
  return { ...filter, repId: actor.id };
}
