import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { inRange, leadConditions, percent, queryFigure, repCondition, round2, toNumber } from "@/lib/analytics/analytics-sql";
import { rollupAsOf, rollupDays, rollupLeadConditions, rollupRep, type TFigureOptions } from "@/lib/analytics/analytics-rollups";

export type TTerritoryRow = {
  territoryId: number;
  name: string;
  states: string[];
  reps: number;
  leads: number;
  worked: number;
  coverage: number;
  conversions: number;
  conversionRate: number;
  revenue: number;
};

/**
 * Per territory, the leads created in the range that touch any of its states (a lead crossing two
 * territories counts in both): how many, the share worked (at least one sales action: coverage),
 * the share converted, and the revenue their conversions brought. The daily rollup
 * (analytics_territory_daily) keeps one slice per territory; it is summed when in the company's zone.
 */
export async function getTerritoryComparison(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TTerritoryRow[]> {
  const f = scopeAnalytics(actor, input);
  const onlyTerritory = f.territoryId ? Prisma.sql`WHERE t.id = ${f.territoryId}::int` : Prisma.empty;
  const perTerritory = (await rollupAsOf("analytics_territory_daily", f, options))
    ? Prisma.sql`
      SELECT r.territory_id AS id, sum(r.leads) AS leads, sum(r.worked) AS worked, sum(r.conversions) AS conversions, sum(r.conversion_value) AS revenue
      FROM analytics_territory_daily r
      WHERE ${rollupDays(f)} AND ${rollupLeadConditions(f, "r", { perTerritory: true })} AND ${rollupRep(f)}
      GROUP BY r.territory_id`
    : Prisma.sql`
      WITH leads AS MATERIALIZED (
        -- Each lead once (its outcome and whether it was worked), before pairing it with territories.
        SELECT l.states, c.conversion_value, c.id IS NOT NULL AS converted,
               EXISTS (SELECT 1 FROM sales_actions a WHERE a.lead_id = l.id AND a.voided_at IS NULL) AS worked
        FROM sales_leads l
        LEFT JOIN sales_conversions c ON c.lead_id = l.id
        WHERE ${inRange("l.created_at", f)} ${leadConditions(f)} ${repCondition("coalesce(c.admin_id, l.assigned_admin_id)", f)}
      )
      SELECT t.id, count(*) AS leads, count(*) FILTER (WHERE x.worked) AS worked,
             count(*) FILTER (WHERE x.converted) AS conversions, coalesce(sum(x.conversion_value), 0) AS revenue
      FROM territories t
      JOIN leads x ON x.states && t.states
      GROUP BY t.id`;
  const rows = await queryFigure<
    { id: number; name: string; states: string[]; reps: bigint; leads: bigint; worked: bigint; conversions: bigint; revenue: unknown }[]
  >(Prisma.sql`
    WITH per_territory AS (${perTerritory})
    SELECT t.id, t.name, t.states,
           (SELECT count(*) FROM territory_members m WHERE m.territory_id = t.id) AS reps,
           coalesce(p.leads, 0) AS leads, coalesce(p.worked, 0) AS worked,
           coalesce(p.conversions, 0) AS conversions, coalesce(p.revenue, 0) AS revenue
    FROM territories t
    LEFT JOIN per_territory p ON p.id = t.id
    ${onlyTerritory}
    ORDER BY t.name`);
  return rows.map((r) => {
    const leads = toNumber(r.leads);
    const worked = toNumber(r.worked);
    const conversions = toNumber(r.conversions);
    return {
      territoryId: r.id,
      name: r.name,
      states: r.states,
      reps: toNumber(r.reps),
      leads,
      worked,
      coverage: percent(worked, leads),
      conversions,
      conversionRate: percent(conversions, leads),
      revenue: round2(toNumber(r.revenue)),
    };
  });
}
