import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { inRange, leadConditions, localTime, queryFigure, repCondition, round2, toNumber } from "@/lib/analytics/analytics-sql";
import { rollupAsOf, rollupDays, rollupLeadConditions, type TFigureOptions } from "@/lib/analytics/analytics-rollups";

export type TRevenueByMonth = {
  /** Reps credited with revenue in the range, largest first (id null: conversions without a rep). */
  reps: { repId: number | null; name: string; revenue: number; conversions: number }[];
  /** One row per month of the range; `byRep` keyed by rep id ("none" for unattributed). */
  months: { month: string; revenue: number; conversions: number; byRep: Record<string, number> }[];
  total: number;
};

/**
 * Booked revenue per month of the conversion date (company calendar), split by the rep credited
 * with each conversion (sales_conversions.admin_id).
 */
export async function getRevenueByMonth(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TRevenueByMonth> {
  const f = scopeAnalytics(actor, input);
  // Conversions per day are rolled up (analytics_conversion_daily; no rep is 0 there): summed when in the company's zone.
  const booked = (await rollupAsOf("analytics_conversion_daily", f, options))
    ? Prisma.sql`
      SELECT date_trunc('month', r.day::timestamp)::date AS month, nullif(r.admin_id, 0) AS admin_id,
             sum(r.conversion_value) AS revenue, sum(r.conversions) AS conversions
      FROM analytics_conversion_daily r
      WHERE ${rollupDays(f)} AND ${rollupLeadConditions(f)} ${repCondition("r.admin_id", f)}
      GROUP BY 1, 2`
    : Prisma.sql`
      SELECT date_trunc('month', ${localTime("c.created_at", f)})::date AS month, c.admin_id,
             sum(c.conversion_value) AS revenue, count(*) AS conversions
      FROM sales_conversions c
      JOIN sales_leads l ON l.id = c.lead_id
      WHERE ${inRange("c.created_at", f)} ${leadConditions(f)} ${repCondition("c.admin_id", f)}
      GROUP BY 1, 2`;
  const rows = await queryFigure<{ month: string; rep_id: number | null; name: string | null; revenue: unknown; conversions: bigint }[]>(Prisma.sql`
    WITH months AS (
      SELECT m::date AS month
      FROM generate_series(date_trunc('month', ${f.from}::date::timestamp), ${f.to}::date::timestamp, interval '1 month') AS m
    ), booked AS (${booked})
    SELECT to_char(m.month, 'YYYY-MM-DD') AS month, b.admin_id AS rep_id, u.name,
           coalesce(b.revenue, 0) AS revenue, coalesce(b.conversions, 0) AS conversions
    FROM months m
    LEFT JOIN booked b ON b.month = m.month
    LEFT JOIN users u ON u.id = b.admin_id
    ORDER BY m.month, u.name`);
  const months = new Map<string, TRevenueByMonth["months"][number]>();
  const reps = new Map<string, TRevenueByMonth["reps"][number]>();
  for (const r of rows) {
    const month = months.get(r.month) ?? { month: r.month, revenue: 0, conversions: 0, byRep: {} };
    months.set(r.month, month);
    const conversions = toNumber(r.conversions);
    if (!conversions) continue;
    const key = r.rep_id === null ? "none" : String(r.rep_id);
    const revenue = toNumber(r.revenue);
    month.byRep[key] = round2(revenue);
    month.revenue = round2(month.revenue + revenue);
    month.conversions += conversions;
    const rep = reps.get(key) ?? { repId: r.rep_id, name: r.name ?? "Unattributed", revenue: 0, conversions: 0 };
    rep.revenue = round2(rep.revenue + revenue);
    rep.conversions += conversions;
    reps.set(key, rep);
  }
  const list = [...months.values()];
  return {
    months: list,
    reps: [...reps.values()].sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name)),
    total: round2(list.reduce((s, m) => s + m.revenue, 0)),
  };
}
