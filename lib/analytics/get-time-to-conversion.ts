import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilter, TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { inRange, leadConditions, queryFigure, repCondition, toNumber } from "@/lib/analytics/analytics-sql";
import { rollupAsOf, rollupDays, rollupRep, type TFigureOptions } from "@/lib/analytics/analytics-rollups";
import { histogramPercentile, histogramUpTo } from "@/lib/analytics/bucket-histogram";

// Distribution buckets in days: [0,1), [1,3), [3,7), [7,14), [14,30), [30,∞).
export const CONVERSION_BUCKETS = [
  { label: "Under 1 day", min: 0, max: 1 },
  { label: "1–3 days", min: 1, max: 3 },
  { label: "3–7 days", min: 3, max: 7 },
  { label: "1–2 weeks", min: 7, max: 14 },
  { label: "2–4 weeks", min: 14, max: 30 },
  { label: "30 days or more", min: 30, max: null },
] as const;

export type TTimeToConversion = {
  conversions: number;
  medianDays: number;
  averageDays: number;
  /** Pipeline velocity: first sales action → conversion, over conversions that had one. */
  contacted: number;
  medianContactToDealDays: number;
  averageContactToDealDays: number;
  buckets: { label: string; conversions: number }[];
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * For the conversions booked in the range: days from the lead's creation to the conversion
 * (median with percentile_cont, mean, and the distribution), and pipeline velocity from the
 * first sales action before the conversion to the conversion. Read from lead_facts (each lead's
 * conversion and first sales action, kept by triggers as they happen); `live` joins the
 * conversions to their leads and actions instead, as before the facts (the tests compare the two).
 * Without lead filters, from the day-bucket rollup instead (readConversionRollup).
 */
export async function getTimeToConversion(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TTimeToConversion> {
  const f = scopeAnalytics(actor, input);
  if (await rollupAsOf("analytics_conversion_time_daily", f, { ...options, withoutLeadFilters: true })) return readConversionRollup(f);
  const bucketColumns = Prisma.join(
    CONVERSION_BUCKETS.map((b, i) =>
      b.max === null
        ? Prisma.sql`count(*) FILTER (WHERE days >= ${b.min}) AS ${Prisma.raw(`b${i}`)}`
        : Prisma.sql`count(*) FILTER (WHERE days >= ${b.min} AND days < ${b.max}) AS ${Prisma.raw(`b${i}`)}`,
    ),
  );
  const conv = options.live
    ? Prisma.sql`
      SELECT greatest(0, extract(epoch FROM c.created_at - l.created_at) / 86400.0) AS days,
             extract(epoch FROM c.created_at - first_action.at) / 86400.0 AS contact_days
      FROM sales_conversions c
      JOIN sales_leads l ON l.id = c.lead_id
      LEFT JOIN LATERAL (
        SELECT min(a.created_at) AS at FROM sales_actions a WHERE a.lead_id = c.lead_id AND a.created_at <= c.created_at AND a.voided_at IS NULL
      ) first_action ON true
      WHERE ${inRange("c.created_at", f)} ${leadConditions(f)} ${repCondition("c.admin_id", f)}`
    : Prisma.sql`
      -- lead_facts_converted_at_idx; the lead's first action counts only when it came before the conversion.
      SELECT greatest(0, extract(epoch FROM f.converted_at - f.created_at) / 86400.0) AS days,
             CASE WHEN f.first_action_at <= f.converted_at THEN extract(epoch FROM f.converted_at - f.first_action_at) / 86400.0 END AS contact_days
      FROM lead_facts f
      WHERE ${inRange("f.converted_at", f)} ${leadConditions(f, "f")} ${repCondition("f.conversion_rep_id", f)}`;
  const [row] = await queryFigure<Record<string, unknown>[]>(Prisma.sql`
    WITH conv AS (${conv})
    SELECT count(*) AS conversions,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
           avg(days) AS average_days,
           count(contact_days) AS contacted,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY contact_days) AS median_contact_days,
           avg(contact_days) AS average_contact_days,
           ${bucketColumns}
    FROM conv`);
  return {
    conversions: toNumber(row.conversions),
    medianDays: round1(toNumber(row.median_days)),
    averageDays: round1(toNumber(row.average_days)),
    contacted: toNumber(row.contacted),
    medianContactToDealDays: round1(toNumber(row.median_contact_days)),
    averageContactToDealDays: round1(toNumber(row.average_contact_days)),
    buckets: CONVERSION_BUCKETS.map((b, i) => ({ label: b.label, conversions: toNumber(row[`b${i}`]) })),
  };
}

/**
 * The same from analytics_conversion_time_daily: per measure (days to conversion, days from first
 * contact) the range's bucket counts and sums, for the rep slice (0: the team). Counts, means and
 * the distribution are exact (its edges are bucket edges); the medians are read from the buckets.
 */
async function readConversionRollup(f: TAnalyticsFilter): Promise<TTimeToConversion> {
  const rows = await queryFigure<{ metric: "days" | "contact"; bucket: number; conversions: bigint; total: unknown; edges: number[] }[]>(Prisma.sql`
    SELECT r.metric, r.bucket, sum(r.conversions) AS conversions, sum(r.total_days) AS total, analytics_day_edges() AS edges
    FROM analytics_conversion_time_daily r
    WHERE ${rollupRep(f)} AND ${rollupDays(f)}
    GROUP BY r.metric, r.bucket`);
  if (!rows.length) return { conversions: 0, medianDays: 0, averageDays: 0, contacted: 0, medianContactToDealDays: 0, averageContactToDealDays: 0, buckets: CONVERSION_BUCKETS.map((b) => ({ label: b.label, conversions: 0 })) };
  const { edges } = rows[0];
  const measure = (metric: "days" | "contact") => {
    const buckets = new Array<number>(edges.length + 1).fill(0);
    let total = 0;
    for (const r of rows.filter((x) => x.metric === metric)) {
      buckets[r.bucket] += toNumber(r.conversions);
      total += toNumber(r.total);
    }
    const n = buckets.reduce((a, b) => a + b, 0);
    return { n, buckets, median: histogramPercentile(buckets, edges, 0.5) ?? 0, mean: n ? total / n : 0 };
  };
  const days = measure("days");
  const contact = measure("contact");
  const below = (limit: number | null) => (limit === null ? days.n : limit === 0 ? 0 : histogramUpTo(days.buckets, edges, limit));
  return {
    conversions: days.n,
    medianDays: round1(days.median),
    averageDays: round1(days.mean),
    contacted: contact.n,
    medianContactToDealDays: round1(contact.median),
    averageContactToDealDays: round1(contact.mean),
    buckets: CONVERSION_BUCKETS.map((b) => ({ label: b.label, conversions: below(b.max) - below(b.min) })),
  };
}
