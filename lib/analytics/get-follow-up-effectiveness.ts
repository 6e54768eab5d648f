import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { inRange, leadConditions, percent, queryFigure, repCondition, toNumber } from "@/lib/analytics/analytics-sql";

export const FOLLOW_UP_VERDICTS = ["kept", "late", "missed"] as const;
export type TFollowUpVerdict = (typeof FOLLOW_UP_VERDICTS)[number];

export type TFollowUpEffectiveness = {
  groups: { verdict: TFollowUpVerdict; followUps: number; leads: number; converted: number; conversionRate: number }[];
  /** Follow-ups due in the range whose grace day has not ended and that have no touch yet. */
  notYetDue: number;
};

/**
 * Follow-ups due in the range (a sales action's follow_up_date), each judged by the lead's next
 * touch after the action that set it: the next sales action by anyone, or, after the lead's last
 * action, its closing (converted or lost).
 *   kept   — touched no later than the end of the day after the follow-up date (company calendar);
 *            touching earlier also counts, since that touch replaces the promise;
 *   late   — touched, but only after that;
 *   missed — never touched, and the day after the follow-up date is over.
 * Each lead is then put in the group of its worst follow-up (missed > late > kept), and the
 * groups' conversion rates compared.
 */
export async function getFollowUpEffectiveness(actor: TActor, input: TAnalyticsFilterInput): Promise<TFollowUpEffectiveness> {
  const f = scopeAnalytics(actor, input);
  const leadJoin = f.source || f.territoryId ? Prisma.sql`JOIN sales_leads l ON l.id = a.lead_id ${leadConditions(f)}` : Prisma.empty;
  const [row] = await queryFigure<Record<string, unknown>[]>(Prisma.sql`
    WITH day_starts AS MATERIALIZED (
      -- Local midnights from the first day of the range to two days after the last, as instants:
      -- width_bucket finds a follow-up's local day among them without a time-zone conversion per row.
      SELECT array_agg(d AT TIME ZONE ${f.timeZone}::text ORDER BY d) AS starts
      FROM generate_series(${f.from}::date::timestamp, (${f.to}::date + 2)::timestamp, interval '1 day') AS d
    ), judged AS MATERIALIZED (
      -- One row per follow-up due, read from the (follow_up_date, …, next_touch_at) index; the
      -- next touch is the lead's next action (sales_actions.next_touch_at, kept by a trigger) or,
      -- after its last action, its closing (converted or lost).
      SELECT a.lead_id,
             CASE
               WHEN touch.at IS NOT NULL AND touch.at < grace.ends THEN 3
               WHEN touch.at IS NOT NULL THEN 2
               WHEN now() >= grace.ends THEN 1
             END AS verdict
      FROM sales_actions a
      ${leadJoin}
      CROSS JOIN day_starts ds
      CROSS JOIN LATERAL (
        SELECT coalesce(a.next_touch_at, (SELECT c.closed_at FROM sales_leads c WHERE c.id = a.lead_id AND c.closed_at >= a.created_at)) AS at
      ) touch
      CROSS JOIN LATERAL (SELECT ds.starts[width_bucket(a.follow_up_date, ds.starts) + 2] AS ends) grace
      WHERE ${inRange("a.follow_up_date", f)} ${repCondition("a.admin_id", f)}
    ), per_lead AS (
      SELECT j.lead_id, min(j.verdict) AS worst, count(*) FILTER (WHERE j.verdict IS NULL) AS open,
             count(*) FILTER (WHERE j.verdict = 3) AS kept, count(*) FILTER (WHERE j.verdict = 2) AS late,
             count(*) FILTER (WHERE j.verdict = 1) AS missed
      FROM judged j
      GROUP BY j.lead_id
    ), outcome AS (
      SELECT p.*, EXISTS (SELECT 1 FROM sales_conversions c WHERE c.lead_id = p.lead_id) AS converted
      FROM per_lead p
    )
    SELECT coalesce(sum(kept), 0) AS kept, coalesce(sum(late), 0) AS late, coalesce(sum(missed), 0) AS missed,
           coalesce(sum(open), 0) AS open,
           count(*) FILTER (WHERE worst = 3) AS kept_leads, count(*) FILTER (WHERE worst = 3 AND converted) AS kept_converted,
           count(*) FILTER (WHERE worst = 2) AS late_leads, count(*) FILTER (WHERE worst = 2 AND converted) AS late_converted,
           count(*) FILTER (WHERE worst = 1) AS missed_leads, count(*) FILTER (WHERE worst = 1 AND converted) AS missed_converted
    FROM outcome`);
  return {
    groups: FOLLOW_UP_VERDICTS.map((verdict) => {
      const leads = toNumber(row?.[`${verdict}_leads`]);
      const converted = toNumber(row?.[`${verdict}_converted`]);
      return { verdict, followUps: toNumber(row?.[verdict]), leads, converted, conversionRate: percent(converted, leads) };
    }),
    notYetDue: toNumber(row?.open),
  };
}
