import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import { bucketUnit, type TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { LEAD_SOURCES, type TLeadSource } from "@/lib/leads/lead-vocabulary";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { inRange, leadConditions, localTime, queryFigure, repCondition, toNumber } from "@/lib/analytics/analytics-sql";
import { rollupAsOf, rollupDays, rollupLeadConditions, rollupRep, type TFigureOptions } from "@/lib/analytics/analytics-rollups";

export type TLeadsBySource = {
  unit: "day" | "week" | "month";
  /** One row per bucket (its first day), every source present, zeros included. */
  buckets: ({ bucket: string; total: number } & Record<TLeadSource, number>)[];
  totals: Record<TLeadSource, number>;
};

/**
 * New leads per source per day, week or month (by the range's length), in the company's calendar.
 * Summed from the daily rollup (analytics_lead_status_daily) when it is in the company's zone.
 */
export async function getLeadsBySource(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TLeadsBySource> {
  const f = scopeAnalytics(actor, input);
  const unit = bucketUnit(f);
  const counts = (await rollupAsOf("analytics_lead_status_daily", f, options))
    ? Prisma.sql`
      SELECT date_trunc(${unit}, r.day::timestamp)::date AS bucket, r.lead_source, sum(r.leads) AS leads
      FROM analytics_lead_status_daily r
      WHERE ${rollupDays(f)} AND ${rollupLeadConditions(f)} AND ${rollupRep(f)}
      GROUP BY 1, 2`
    : Prisma.sql`
      SELECT date_trunc(${unit}, ${localTime("l.created_at", f)})::date AS bucket, l.lead_source, count(*) AS leads
      FROM sales_leads l
      WHERE ${inRange("l.created_at", f)} ${leadConditions(f)} ${repCondition("l.assigned_admin_id", f)}
      GROUP BY 1, 2`;
  const rows = await queryFigure<{ bucket: string; source: TLeadSource; leads: bigint }[]>(Prisma.sql`
    WITH buckets AS (
      SELECT b::date AS bucket
      FROM generate_series(date_trunc(${unit}, ${f.from}::date::timestamp), ${f.to}::date::timestamp, ${`1 ${unit}`}::interval) AS b
    ), counts AS (${counts})
    SELECT to_char(b.bucket, 'YYYY-MM-DD') AS bucket, s.source::text AS source, coalesce(c.leads, 0) AS leads
    FROM buckets b
    CROSS JOIN unnest(enum_range(NULL::lead_source)) AS s(source)
    LEFT JOIN counts c ON c.bucket = b.bucket AND c.lead_source = s.source
    ORDER BY b.bucket, s.source`);
  const zero = () => Object.fromEntries(LEAD_SOURCES.map((s) => [s, 0])) as Record<TLeadSource, number>;
  const byBucket = new Map<string, TLeadsBySource["buckets"][number]>();
  const totals = zero();
  for (const r of rows) {
    const row = byBucket.get(r.bucket) ?? { bucket: r.bucket, total: 0, ...zero() };
    const n = toNumber(r.leads);
    row[r.source] = n;
    row.total += n;
    totals[r.source] += n;
    byBucket.set(r.bucket, row);
  }
  return { unit, buckets: [...byBucket.values()], totals };
}
