import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TAnalyticsFilter } from "@/lib/analytics/analytics-filter";
import { queryFigure } from "@/lib/analytics/analytics-sql";
import { minuteHistogramFigures, subtractHistograms, type TMinuteHistogram } from "@/lib/analytics/bucket-histogram";

type TDimension = "all" | "rep" | "source" | "territory" | "period";

export type TSpeedRollupRow = {
  metric: "claim" | "touch";
  dimension: TDimension;
  key: string;
  label: string | null;
  reached: number;
  waiting: number;
  median: number | null;
  p90: number | null;
  within5: number;
  within60: number;
  bmedian: number | null;
  bp90: number | null;
  bwithin5: number;
  bwithin60: number;
};

/**
 * Speed to lead for the whole team without lead filters, from analytics_speed_daily (migration
 * `speed_rollup_and_first_claim`): per histogram, the running totals on the range's last day minus
 * those before its first (two index probes each, whatever the range's length), and per period of
 * `unit` the same on the overall histograms clipped to the range. Rows as the lead_facts query
 * returns them (same groups, same order), the medians and 90th percentiles read from the buckets.
 */
export async function readSpeedRollup(f: TAnalyticsFilter, unit: "day" | "week" | "month"): Promise<TSpeedRollupRow[]> {
  const rows = await queryFigure<
    { metric: "claim" | "touch"; dimension: TDimension; key: string; label: string | null; edges: number[]; hi: number[] | null; lo: number[] | null; bhi: number[] | null; blo: number[] | null }[]
  >(Prisma.sql`
    WITH keys AS (
      -- Every histogram there can be (one without rows is dropped by the probe below): cheaper
      -- than reading the rollup's distinct keys, one row per histogram and day.
      SELECT m.metric, c.clock, d.dim, d.key
      FROM (VALUES ('claim'), ('touch')) m(metric)
      CROSS JOIN (VALUES ('elapsed'), ('working')) c(clock)
      CROSS JOIN (
        SELECT 'all', ''
        UNION ALL SELECT 'rep', u.id::text FROM users u
        UNION ALL SELECT 'source', s::text FROM unnest(enum_range(NULL::lead_source)) s
        UNION ALL SELECT 'territory', t.id::text FROM territories t
      ) d(dim, key)
    ), periods AS (
      SELECT p::date AS start, greatest(p::date, ${f.from}::date) AS lo, least((p + ${`1 ${unit}`}::interval)::date - 1, ${f.to}::date) AS hi
      FROM generate_series(date_trunc(${unit}, ${f.from}::date::timestamp), ${f.to}::date::timestamp, ${`1 ${unit}`}::interval) p
    ), spans AS (
      SELECT k.metric, k.clock, k.dim, k.key, k.dim AS dimension, k.key AS out_key, ${f.from}::date AS lo, ${f.to}::date AS hi FROM keys k
      UNION ALL
      SELECT k.metric, k.clock, k.dim, k.key, 'period', p.start::text, p.lo, p.hi FROM keys k CROSS JOIN periods p WHERE k.dim = 'all'
    ), read AS (
      SELECT s.metric, s.clock, s.dimension, s.out_key AS key, hi.counts AS hi, lo.counts AS lo
      FROM spans s
      -- analytics_speed_daily_key: the running totals at the span's end, and just before its start.
      JOIN LATERAL (
        SELECT r.counts FROM analytics_speed_daily r
        WHERE r.metric = s.metric AND r.clock = s.clock AND r.dim = s.dim AND r.key = s.key AND r.day <= s.hi
        ORDER BY r.day DESC LIMIT 1
      ) hi ON true
      LEFT JOIN LATERAL (
        SELECT r.counts FROM analytics_speed_daily r
        WHERE r.metric = s.metric AND r.clock = s.clock AND r.dim = s.dim AND r.key = s.key AND r.day < s.lo
        ORDER BY r.day DESC LIMIT 1
      ) lo ON true
    )
    SELECT g.metric, g.dimension, g.key, CASE g.dimension WHEN 'rep' THEN u.name WHEN 'territory' THEN t.name END AS label,
           analytics_minute_edges() AS edges,
           max(g.hi) FILTER (WHERE g.clock = 'elapsed') AS hi, max(g.lo) FILTER (WHERE g.clock = 'elapsed') AS lo,
           max(g.hi) FILTER (WHERE g.clock = 'working') AS bhi, max(g.lo) FILTER (WHERE g.clock = 'working') AS blo
    FROM read g
    LEFT JOIN users u ON g.dimension = 'rep' AND u.id::text = g.key
    LEFT JOIN territories t ON g.dimension = 'territory' AND t.id::text = g.key
    GROUP BY g.metric, g.dimension, g.key, u.name, t.name
    ORDER BY g.metric, g.dimension, g.key`);
  const out: TSpeedRollupRow[] = [];
  for (const r of rows) {
    const elapsed: TMinuteHistogram = subtractHistograms(r.hi, r.lo);
    const working: TMinuteHistogram = subtractHistograms(r.bhi, r.blo);
    const e = minuteHistogramFigures(elapsed, r.edges);
    const w = minuteHistogramFigures(working, r.edges);
    // A group with no lead in the range is no group (the lead_facts query never meets it).
    if (e.reached + e.waiting === 0) continue;
    out.push({
      metric: r.metric,
      dimension: r.dimension,
      key: r.key,
      label: r.label,
      reached: e.reached,
      waiting: e.waiting,
      median: e.median,
      p90: e.p90,
      within5: e.within5,
      within60: e.within60,
      bmedian: w.median,
      bp90: w.p90,
      bwithin5: w.within5,
      bwithin60: w.within60,
    });
  }
  return out;
}
