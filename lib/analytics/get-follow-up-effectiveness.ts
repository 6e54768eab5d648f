import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { filtersLeads, inRange, leadConditions, percent, queryFigure, repCondition, toNumber } from "@/lib/analytics/analytics-sql";
import { rollupAsOf, rollupDays, type TFigureOptions } from "@/lib/analytics/analytics-rollups";

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
 * Without lead filters, summed from the rollup analytics_follow_up_daily (its migration explains
 * how leads are counted by their worst follow-up from per-day rows) when it is in the company's zone.
 */
export async function getFollowUpEffectiveness(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TFollowUpEffectiveness> {
  const f = scopeAnalytics(actor, input);
  const leadJoin = filtersLeads(f) ? Prisma.sql`JOIN sales_leads l ON l.id = a.lead_id ${leadConditions(f)}` : Prisma.empty;
  const rolled = await rollupAsOf("analytics_follow_up_daily", f, { ...options, withoutLeadFilters: true });
  // Level 0 rows count follow-ups by verdict; levels 1–3 count each lead once, at the first day in
  // the range of its chain (prev_day before the range): C(1) missed, C(2) missed or late, C(3) any.
  const chain = (level: number, converted?: true) =>
    Prisma.sql`coalesce(sum(r.n) FILTER (WHERE r.level = ${level}::int ${converted ? Prisma.sql`AND r.converted` : Prisma.empty}), 0)`;
  const [row] = await queryFigure<Record<string, unknown>[]>(rolled ? Prisma.sql`
    SELECT coalesce(sum(r.n) FILTER (WHERE r.level = 0 AND r.verdict = 3), 0) AS kept,
           coalesce(sum(r.n) FILTER (WHERE r.level = 0 AND r.verdict = 2), 0) AS late,
           coalesce(sum(r.n) FILTER (WHERE r.level = 0 AND r.verdict = 1), 0) AS missed,
           coalesce(sum(r.n) FILTER (WHERE r.level = 0 AND r.verdict = 0), 0) AS open,
           ${chain(3)} - ${chain(2)} AS kept_leads, ${chain(3, true)} - ${chain(2, true)} AS kept_converted,
           ${chain(2)} - ${chain(1)} AS late_leads, ${chain(2, true)} - ${chain(1, true)} AS late_converted,
           ${chain(1)} AS missed_leads, ${chain(1, true)} AS missed_converted
    FROM analytics_follow_up_daily r
    WHERE r.rep_id = ${f.repId ?? 0}::int AND ${rollupDays(f)} AND (r.level = 0 OR r.prev_day < ${f.from}::date)` : Prisma.sql`
    WITH day_starts AS MATERIALIZED (
      -- Local midnights from the first day of the range to two days after the last, as instants:
      -- width_bucket finds a follow-up's local day among them without a time-zone conversion per row.
      SELECT array_agg(d AT TIME ZONE ${f.timeZone}::text ORDER BY d) AS starts
      FROM generate_series(${f.from}::date::timestamp, (${f.to}::date + 2)::timestamp, interval '1 day') AS d
    ), judged AS MATERIALIZED (
      -- One row per follow-up due. Most were followed by another action of the lead, whose time
      -- is on the action (sales_actions.next_touch_at, kept by a trigger) and in the
      -- (follow_up_date, …, next_touch_at) index: judged from the index alone.
      SELECT a.lead_id, CASE WHEN a.next_touch_at < ds.starts[width_bucket(a.follow_up_date, ds.starts) + 2] THEN 3 ELSE 2 END AS verdict
      FROM sales_actions a
      ${leadJoin}
      CROSS JOIN day_starts ds
      WHERE ${inRange("a.follow_up_date", f)} ${repCondition("a.admin_id", f)} AND a.next_touch_at IS NOT NULL AND a.voided_at IS NULL
      UNION ALL
      -- The rest were set by the lead's latest action (the partial index
      -- sales_actions_latest_follow_up_idx): only the lead's closing, converted or lost, can have
      -- touched them. Looking the lead up for these alone, not per row, saves a quarter of the time.
      SELECT a.lead_id,
             CASE
               WHEN c.closed_at IS NOT NULL AND c.closed_at < grace.ends THEN 3
               WHEN c.closed_at IS NOT NULL THEN 2
               WHEN now() >= grace.ends THEN 1
             END
      FROM sales_actions a
      ${leadJoin}
      CROSS JOIN day_starts ds
      CROSS JOIN LATERAL (SELECT ds.starts[width_bucket(a.follow_up_date, ds.starts) + 2] AS ends) grace
      LEFT JOIN sales_leads c ON c.id = a.lead_id AND c.closed_at >= a.created_at
      WHERE ${inRange("a.follow_up_date", f)} ${repCondition("a.admin_id", f)} AND a.next_touch_at IS NULL AND a.voided_at IS NULL
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
