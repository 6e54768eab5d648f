import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import { bucketUnit, type TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { inRange, leadConditions, percent, queryFigure, repCondition, toNumber } from "@/lib/analytics/analytics-sql";
import { leadFactMinutesMatch, rollupAsOf, type TFigureOptions } from "@/lib/analytics/analytics-rollups";
import { readSpeedRollup } from "@/lib/analytics/read-speed-rollup";
import { businessWindow } from "@/lib/kernel/business-hours";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { SOURCE_LABELS, type TLeadSource } from "@/lib/leads/lead-vocabulary";

// Speed to lead (issue #15), for the leads that arrived in the range:
// - time to claim: arrival → the lead's first claim or assignment (its first rep);
// - time to first touch: arrival → the first logged sales action (not undone) or sent email.
// Each as elapsed minutes and as working minutes (only the company's business hours in its zone,
// business_minutes() in SQL). Per metric: how many leads got there, the median and 90th
// percentile, and the share of those within 5 minutes and within 1 hour; leads not claimed
// (touched) yet are counted apart. A rep's figures are the claims and touches they made.

export const SPEED_DIMENSIONS = ["all", "rep", "source", "territory", "period"] as const;
export type TSpeedDimension = (typeof SPEED_DIMENSIONS)[number];
export type TSpeedMetric = "claim" | "touch";

export type TSpeedStats = {
  /** Leads that were claimed (touched). */
  reached: number;
  /** Leads of the range not claimed (touched) yet; only on the `all` row. */
  waiting: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  within5Pct: number;
  within60Pct: number;
  /** The same over working minutes only. */
  businessMedianMinutes: number | null;
  businessP90Minutes: number | null;
  businessWithin5Pct: number;
  businessWithin60Pct: number;
};

export type TSpeedRow = TSpeedStats & { metric: TSpeedMetric; dimension: TSpeedDimension; key: string; label: string };

export type TSpeedToLead = {
  claim: TSpeedStats;
  touch: TSpeedStats;
  /** Every group of every dimension, both metrics: the figure's data table and CSV. */
  rows: TSpeedRow[];
  businessHours: { days: number[]; start: string; end: string };
};

const round1 = (n: unknown) => (n === null || n === undefined ? null : Math.round(toNumber(n) * 10) / 10);

const STATS = Prisma.sql`
  count(mins) AS reached, count(*) - count(mins) AS waiting,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY mins) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY mins) AS p90,
  count(*) FILTER (WHERE mins <= 5) AS within5, count(*) FILTER (WHERE mins <= 60) AS within60,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY bmins) AS bmedian, percentile_cont(0.9) WITHIN GROUP (ORDER BY bmins) AS bp90,
  count(*) FILTER (WHERE bmins <= 5) AS bwithin5, count(*) FILTER (WHERE bmins <= 60) AS bwithin60`;

type TRaw = Record<string, unknown> & { metric: TSpeedMetric; dimension: TSpeedDimension; key: string; label: string | null };

function stats(r: Record<string, unknown> | undefined): TSpeedStats {
  const reached = toNumber(r?.reached);
  return {
    reached,
    waiting: toNumber(r?.waiting),
    medianMinutes: reached ? round1(r?.median) : null,
    p90Minutes: reached ? round1(r?.p90) : null,
    within5Pct: percent(toNumber(r?.within5), reached),
    within60Pct: percent(toNumber(r?.within60), reached),
    businessMedianMinutes: reached ? round1(r?.bmedian) : null,
    businessP90Minutes: reached ? round1(r?.bp90) : null,
    businessWithin5Pct: percent(toNumber(r?.bwithin5), reached),
    businessWithin60Pct: percent(toNumber(r?.bwithin60), reached),
  };
}

/**
 * Time to claim and to first touch, overall and per rep, source, territory and period. For the
 * whole team without lead filters, from the speed rollup (read-speed-rollup.ts: histograms, so
 * the medians and 90th percentiles are read from minute buckets) while it is in the company's
 * zone and working hours; otherwise in one query over lead_facts (its first claim and touch, kept by triggers as they happen, and the
 * working minutes the refresh job counted; those it has not counted yet, or all of them when the
 * company's zone or hours changed since, are counted here). `live` follows every lead's events,
 * actions and emails instead, as before the facts (the tests compare the two).
 */
export async function getSpeedToLead(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TSpeedToLead> {
  const f = scopeAnalytics(actor, input);
  const { businessHours } = options.context ?? (await getCompanySettings());
  const { startMinute, endMinute } = businessWindow(businessHours);
  const unit = bucketUnit(f);
  const fromRollup = await rollupAsOf("analytics_speed_daily", f, { ...options, withoutLeadFilters: true, teamOnly: true, businessHours });
  const minutesBetween = (from: Prisma.Sql, to: Prisma.Sql) =>
    Prisma.sql`business_minutes(${from}, ${to}, ${f.timeZone}::text, ${businessHours.days}::int[], ${startMinute}::int, ${endMinute}::int)`;
  const period = (column: Prisma.Sql) => Prisma.sql`date_trunc(${unit}, ${column} AT TIME ZONE ${f.timeZone}::text)::date`;
  // greatest() skips NULLs, so an unreached lead is kept NULL explicitly (count(mins) skips it).
  const elapsed = (from: Prisma.Sql, to: Prisma.Sql) => Prisma.sql`CASE WHEN ${to} IS NOT NULL THEN greatest(0, extract(epoch FROM ${to} - ${from}) / 60.0) END`;
  let perLead: Prisma.Sql = Prisma.empty;
  if (fromRollup) {
    // read below
  } else if (options.live) {
    const repOnly = f.repId ? Prisma.sql`AND rep = ${f.repId}::int` : Prisma.empty;
    perLead = Prisma.sql`
    leads AS (
      SELECT l.id, l.created_at, l.lead_source, l.states, claim.at AS claimed_at, claim.rep AS claim_rep, touch.at AS touched_at, touch.rep AS touch_rep
      FROM sales_leads l
      -- The first claim, by the rule lead_facts' trigger calls too: lead_first_claim() (migration speed_rollup_and_first_claim).
      LEFT JOIN LATERAL lead_first_claim(l.id) claim ON true
      LEFT JOIN LATERAL (
        SELECT t.at, t.rep FROM (
          (SELECT a.created_at AS at, a.admin_id AS rep FROM sales_actions a
           WHERE a.lead_id = l.id AND a.voided_at IS NULL ORDER BY a.created_at LIMIT 1)
          UNION ALL
          (SELECT m.sent_at, m.sender_id FROM email_messages m
           WHERE m.lead_id = l.id AND m.sent_at IS NOT NULL ORDER BY m.sent_at LIMIT 1)
        ) t ORDER BY t.at LIMIT 1
      ) touch ON true
      WHERE ${inRange("l.created_at", f)} ${leadConditions(f)}
    ),
    facts AS (
      SELECT 'claim' AS metric, id, created_at, lead_source, states, claim_rep AS rep, claimed_at AS at FROM leads
      UNION ALL
      SELECT 'touch', id, created_at, lead_source, states, touch_rep, touched_at FROM leads
    ),
    m AS (
      SELECT metric, lead_source, states, rep, ${period(Prisma.sql`created_at`)} AS period,
             ${elapsed(Prisma.sql`created_at`, Prisma.sql`at`)} AS mins, ${minutesBetween(Prisma.sql`created_at`, Prisma.sql`at`)} AS bmins
      FROM facts WHERE true ${repOnly}
    )`;
  } else {
    const counted = await leadFactMinutesMatch(f.timeZone, businessHours, options.context);
    const minutes = minutesBetween(Prisma.sql`x.created_at`, Prisma.sql`x.at`);
    perLead = Prisma.sql`
    m AS (
      SELECT x.metric, x.lead_source, x.states, x.rep, ${period(Prisma.sql`x.created_at`)} AS period,
             ${elapsed(Prisma.sql`x.created_at`, Prisma.sql`x.at`)} AS mins,
             ${counted ? Prisma.sql`coalesce(x.counted, ${minutes})` : minutes} AS bmins
      FROM lead_facts f
      -- lead_facts_created_at_idx: the leads that arrived in the range, each as its claim and its touch.
      CROSS JOIN LATERAL (VALUES
        ('claim', f.created_at, f.lead_source, f.states, f.claim_rep_id, f.claim_at, f.claim_business_minutes),
        ('touch', f.created_at, f.lead_source, f.states, f.touch_rep_id, f.touch_at, f.touch_business_minutes)
      ) x(metric, created_at, lead_source, states, rep, at, counted)
      WHERE ${inRange("f.created_at", f)} ${leadConditions(f, "f")} ${repCondition("x.rep", f)}
    )`;
  }
  const rows: TRaw[] = fromRollup
    ? await readSpeedRollup(f, unit)
    : await queryFigure<TRaw[]>(Prisma.sql`
    WITH ${perLead},
    grouped AS (
      SELECT metric,
             CASE WHEN grouping(rep) = 0 THEN 'rep' WHEN grouping(lead_source) = 0 THEN 'source' WHEN grouping(period) = 0 THEN 'period' ELSE 'all' END AS dimension,
             coalesce(rep::text, lead_source::text, period::text, '') AS key,
             ${STATS}
      FROM m GROUP BY GROUPING SETS ((metric), (metric, rep), (metric, lead_source), (metric, period))
      UNION ALL
      -- A lead counts in every territory whose states it touches, as on the territory figure.
      SELECT metric, 'territory', t.id::text, ${STATS}
      FROM m JOIN territories t ON t.states && m.states
      ${f.territoryId ? Prisma.sql`WHERE t.id = ${f.territoryId}::int` : Prisma.empty}
      GROUP BY metric, t.id
    )
    SELECT g.*, CASE g.dimension WHEN 'rep' THEN u.name WHEN 'territory' THEN t.name END AS label
    FROM grouped g
    LEFT JOIN users u ON g.dimension = 'rep' AND u.id::text = g.key
    LEFT JOIN territories t ON g.dimension = 'territory' AND t.id::text = g.key
    -- Unreached leads have no rep: they are the overall row's "waiting", not a group.
    WHERE NOT (g.dimension = 'rep' AND g.key = '')
    ORDER BY g.metric, g.dimension, g.key`);

  const labelOf = (r: TRaw): string => {
    if (r.dimension === "all") return "All leads";
    if (r.dimension === "source") return SOURCE_LABELS[r.key as TLeadSource] ?? r.key;
    return r.label ?? r.key;
  };
  const out: TSpeedRow[] = rows.map((r) => ({ metric: r.metric, dimension: r.dimension, key: r.key, label: labelOf(r), ...stats(r) }));
  const overall = (metric: TSpeedMetric) => out.find((r) => r.metric === metric && r.dimension === "all") ?? stats(undefined);
  const strip = ({ reached, waiting, medianMinutes, p90Minutes, within5Pct, within60Pct, businessMedianMinutes, businessP90Minutes, businessWithin5Pct, businessWithin60Pct }: TSpeedStats): TSpeedStats => ({
    reached,
    waiting,
    medianMinutes,
    p90Minutes,
    within5Pct,
    within60Pct,
    businessMedianMinutes,
    businessP90Minutes,
    businessWithin5Pct,
    businessWithin60Pct,
  });
  return { claim: strip(overall("claim")), touch: strip(overall("touch")), rows: out, businessHours };
}
