import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { inRange, leadConditions, percent, queryFigure, repCondition, round2, toNumber } from "@/lib/analytics/analytics-sql";
import { rollupAsOf, rollupDays, rollupLeadConditions, type TFigureOptions } from "@/lib/analytics/analytics-rollups";

export type TRepPerformanceRow = {
  repId: number;
  name: string;
  rank: number;
  leadsAssigned: number;
  conversions: number;
  conversionRate: number;
  totalValue: number;
  averageValue: number;
};

/**
 * The first seed's per-rep figures, ranked by conversion rate (then value). The cohort is the
 * leads assigned in the range; each belongs to the rep who holds it, and a converted lead to the
 * rep credited with the conversion (sales_conversions.admin_id: whoever held it when it converted),
 * so a lead reassigned before it converted counts only for the rep who converted it.
 */
export async function getRepPerformance(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TRepPerformanceRow[]> {
  const f = scopeAnalytics(actor, input);
  const who = f.repId ? Prisma.sql`u.id = ${f.repId}::int` : Prisma.sql`(u.role = 'admin' AND u.active) OR p.rep_id IS NOT NULL`;
  // The assignment cohort per day is rolled up (analytics_assignment_daily): summed when in the company's zone.
  const perRep = (await rollupAsOf("analytics_assignment_daily", f, options))
    ? Prisma.sql`
      SELECT r.rep_id, sum(r.leads) AS leads, sum(r.conversions) AS conversions, sum(r.conversion_value) AS total_value
      FROM analytics_assignment_daily r
      WHERE ${rollupDays(f)} AND ${rollupLeadConditions(f)} AND r.rep_id <> 0 ${repCondition("r.rep_id", f)}
      GROUP BY r.rep_id`
    : Prisma.sql`
      SELECT rep_id, count(*) AS leads, count(conversion_value) AS conversions, coalesce(sum(conversion_value), 0) AS total_value
      FROM (
        SELECT coalesce(c.admin_id, l.assigned_admin_id) AS rep_id, c.conversion_value
        FROM sales_leads l
        LEFT JOIN sales_conversions c ON c.lead_id = l.id
        WHERE ${inRange("l.assigned_at", f)} ${leadConditions(f)}
      ) cohort
      WHERE rep_id IS NOT NULL ${repCondition("rep_id", f)}
      GROUP BY rep_id`;
  const rows = await queryFigure<{ rep_id: number; name: string; rank: bigint; leads: bigint; conversions: bigint; total_value: unknown }[]>(Prisma.sql`
    WITH per_rep AS (${perRep}), board AS (
      SELECT u.id AS rep_id, u.name, coalesce(p.leads, 0) AS leads, coalesce(p.conversions, 0) AS conversions,
             coalesce(p.total_value, 0) AS total_value
      FROM users u
      LEFT JOIN per_rep p ON p.rep_id = u.id
      WHERE ${who}
    )
    SELECT rep_id, name, leads, conversions, total_value,
           rank() OVER (ORDER BY CASE WHEN leads > 0 THEN conversions::numeric / leads ELSE 0 END DESC, total_value DESC) AS rank
    FROM board
    ORDER BY rank, name, rep_id`);
  return rows.map((r) => {
    const leads = toNumber(r.leads);
    const conversions = toNumber(r.conversions);
    const total = toNumber(r.total_value);
    return {
      repId: r.rep_id,
      name: r.name,
      rank: toNumber(r.rank),
      leadsAssigned: leads,
      conversions,
      conversionRate: percent(conversions, leads),
      totalValue: round2(total),
      averageValue: conversions > 0 ? round2(total / conversions) : 0,
    };
  });
}
