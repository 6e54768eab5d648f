import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import { zonedDayBounds, zonedDaysLater, zonedWeekStart } from "@/lib/kernel/zoned-time";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { command } from "@/lib/command";

export const ZGetRepCallMetrics = z.object({ repId: z.coerce.number().int().positive().optional() });

export type TRepCallMetrics = {
  callsToday: number;
  callsThisWeek: number;
  /** Calls this week where someone picked up: answered, interested, not interested, callback. */
  connectsThisWeek: number;
  interestedThisWeek: number;
  /** Interested calls ÷ calls this week, % (the second seed's "calls → interested"). */
  interestRatePct: number | null;
  /** Follow-ups that fell due in the 7 days before today and how many were kept. */
  followUpsDue: number;
  followUpsKept: number;
  followUpsKeptPct: number | null;
  /** Leads ever assigned to the rep (not pending) and how many converted. */
  leadsAssigned: number;
  converted: number;
  conversionRatePct: number | null;
};

const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * A rep's call figures in one query, days and weeks (Monday start) in the company time zone.
 * A follow-up counts as kept when the lead saw its next sales action (or was closed) no later
 * than the end of the company day it was due; judged over the 7 company days before today
 * (today's may still be kept). Follow-ups booked more than 90 days ahead fall outside the window
 * (the action that booked it must be at most 97 days old), which keeps the scan on the
 * (admin_id, follow_up_date, lead_id, created_at) index.
 */
export const getRepCallMetrics = command(
  ZGetRepCallMetrics,
  async (actor, data, options: { now?: Date } = {}): Promise<TRepCallMetrics> => {
    const repId = data.repId ?? actor.id;
    assertCan(actor, repId === actor.id ? "metrics.own" : "metrics.team");
    const { timeZone } = await getCompanySettings();
    const now = options.now ?? new Date();
    const today = zonedDayBounds(now, timeZone).start;
    const week = zonedWeekStart(now, timeZone);
    const since = zonedDaysLater(now, -7, 0, timeZone);
    const bookedSince = new Date(since.getTime() - 90 * 86_400_000);
    const from = new Date(Math.min(today.getTime(), week.getTime()));
    const [r] = await db.$queryRaw<
      {
        calls_today: number;
        calls_week: number;
        connects_week: number;
        interested_week: number;
        fu_due: number;
        fu_kept: number;
        assigned: number;
        converted: number;
      }[]
    >`
    WITH calls AS (
      SELECT a.outcome, a.created_at FROM sales_actions a
      WHERE a.admin_id = ${repId} AND a.action_type = 'call' AND a.voided_at IS NULL
        AND a.created_at >= ${from.toISOString()}::timestamptz AND a.created_at <= ${now.toISOString()}::timestamptz
    ),
    due AS (
      SELECT a.lead_id, a.created_at,
             ((date_trunc('day', a.follow_up_date AT TIME ZONE ${timeZone}) + interval '1 day') AT TIME ZONE ${timeZone}) AS due_end
      FROM sales_actions a
      WHERE a.admin_id = ${repId} AND a.follow_up_date IS NOT NULL AND a.voided_at IS NULL
        AND a.created_at >= ${bookedSince.toISOString()}::timestamptz
        AND a.follow_up_date >= ${since.toISOString()}::timestamptz AND a.follow_up_date < ${today.toISOString()}::timestamptz
    ),
    judged AS (
      SELECT EXISTS (SELECT 1 FROM sales_actions n
                     WHERE n.lead_id = d.lead_id AND n.created_at > d.created_at AND n.created_at < d.due_end
                       AND n.voided_at IS NULL)
             OR EXISTS (SELECT 1 FROM sales_leads l WHERE l.id = d.lead_id AND l.closed_at < d.due_end) AS kept
      FROM due d
    )
    SELECT
      (SELECT count(*)::int FROM calls WHERE created_at >= ${today.toISOString()}::timestamptz) AS calls_today,
      (SELECT count(*)::int FROM calls WHERE created_at >= ${week.toISOString()}::timestamptz) AS calls_week,
      (SELECT count(*)::int FROM calls WHERE created_at >= ${week.toISOString()}::timestamptz
         AND outcome IN ('answered', 'interested', 'not_interested', 'callback')) AS connects_week,
      (SELECT count(*)::int FROM calls WHERE created_at >= ${week.toISOString()}::timestamptz AND outcome = 'interested') AS interested_week,
      (SELECT count(*)::int FROM judged) AS fu_due,
      (SELECT count(*)::int FROM judged WHERE kept) AS fu_kept,
      (SELECT count(*)::int FROM sales_leads WHERE assigned_admin_id = ${repId} AND status <> 'pending') AS assigned,
      (SELECT count(*)::int FROM sales_leads WHERE assigned_admin_id = ${repId} AND status = 'converted') AS converted`;
    return {
      callsToday: r.calls_today,
      callsThisWeek: r.calls_week,
      connectsThisWeek: r.connects_week,
      interestedThisWeek: r.interested_week,
      interestRatePct: pct(r.interested_week, r.calls_week),
      followUpsDue: r.fu_due,
      followUpsKept: r.fu_kept,
      followUpsKeptPct: pct(r.fu_kept, r.fu_due),
      leadsAssigned: r.assigned,
      converted: r.converted,
      conversionRatePct: pct(r.converted, r.assigned),
    };
  },
);
