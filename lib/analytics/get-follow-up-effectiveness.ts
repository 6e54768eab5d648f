import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { inRange, leadConditions, localTime, percent, repCondition, toNumber } from "@/lib/analytics/analytics-sql";

export const FOLLOW_UP_VERDICTS = ["kept", "late", "missed"] as const;
export type TFollowUpVerdict = (typeof FOLLOW_UP_VERDICTS)[number];

export type TFollowUpEffectiveness = {
  groups: { verdict: TFollowUpVerdict; followUps: number; leads: number; converted: number; conversionRate: number }[];
  /** Follow-ups due in the range whose grace day has not ended and that have no touch yet. */
  notYetDue: number;
};

/**
 * Follow-ups due in the range (a sales action's follow_up_date), each judged by the lead's next
 * touch after the action that set it: the next sales action by anyone, or the lead's closing.
 *   kept   — touched no later than the end of the day after the follow-up date (company calendar);
 *            touching earlier also counts, since that touch replaces the promise;
 *   late   — touched, but only after that;
 *   missed — never touched, and the day after the follow-up date is over.
 * Each lead is then put in the group of its worst follow-up (missed > late > kept), and the
 * groups' conversion rates compared.
 */
export async function getFollowUpEffectiveness(actor: TActor, input: TAnalyticsFilterInput): Promise<TFollowUpEffectiveness> {
  const f = scopeAnalytics(actor, input);
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    WITH due AS (
      SELECT a.id, a.lead_id, a.created_at, a.follow_up_date, l.closed_at
      FROM sales_actions a
      JOIN sales_leads l ON l.id = a.lead_id
      WHERE ${inRange("a.follow_up_date", f)} ${leadConditions(f)} ${repCondition("a.admin_id", f)}
    ), sequence AS (
      SELECT a.id, lead(a.created_at) OVER (PARTITION BY a.lead_id ORDER BY a.created_at, a.id) AS next_at
      FROM sales_actions a
      WHERE a.lead_id IN (SELECT lead_id FROM due)
    ), judged AS (
      SELECT d.lead_id,
             CASE
               WHEN touch.at IS NOT NULL AND touch.at < grace.ends THEN 3
               WHEN touch.at IS NOT NULL THEN 2
               WHEN now() >= grace.ends THEN 1
             END AS verdict
      FROM due d
      JOIN sequence s ON s.id = d.id
      CROSS JOIN LATERAL (SELECT least(s.next_at, CASE WHEN d.closed_at >= d.created_at THEN d.closed_at END) AS at) touch
      CROSS JOIN LATERAL (
        SELECT ((${localTime("d.follow_up_date", f)})::date + 2)::timestamp AT TIME ZONE ${f.timeZone}::text AS ends
      ) grace
    ), per_lead AS (
      SELECT j.lead_id, min(j.verdict) AS worst, count(*) FILTER (WHERE j.verdict IS NULL) AS open,
             count(*) FILTER (WHERE j.verdict = 3) AS kept, count(*) FILTER (WHERE j.verdict = 2) AS late,
             count(*) FILTER (WHERE j.verdict = 1) AS missed,
             EXISTS (SELECT 1 FROM sales_conversions c WHERE c.lead_id = j.lead_id) AS converted
      FROM judged j
      GROUP BY j.lead_id
    )
    SELECT coalesce(sum(kept), 0) AS kept, coalesce(sum(late), 0) AS late, coalesce(sum(missed), 0) AS missed,
           coalesce(sum(open), 0) AS open,
           count(*) FILTER (WHERE worst = 3) AS kept_leads, count(*) FILTER (WHERE worst = 3 AND converted) AS kept_converted,
           count(*) FILTER (WHERE worst = 2) AS late_leads, count(*) FILTER (WHERE worst = 2 AND converted) AS late_converted,
           count(*) FILTER (WHERE worst = 1) AS missed_leads, count(*) FILTER (WHERE worst = 1 AND converted) AS missed_converted
    FROM per_lead`;
  return {
    groups: FOLLOW_UP_VERDICTS.map((verdict) => {
      const leads = toNumber(row?.[`${verdict}_leads`]);
      const converted = toNumber(row?.[`${verdict}_converted`]);
      return { verdict, followUps: toNumber(row?.[verdict]), leads, converted, conversionRate: percent(converted, leads) };
    }),
    notYetDue: toNumber(row?.open),
  };
}
