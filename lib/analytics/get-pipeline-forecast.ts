import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import type { TLeadSource } from "@/lib/leads/lead-vocabulary";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { inRange, leadConditions, queryFigure, repCondition, round2, toNumber } from "@/lib/analytics/analytics-sql";
import { rollupAsOf, rollupDays, rollupLeadConditions, rollupRep, type TFigureOptions } from "@/lib/analytics/analytics-rollups";

export type TPipelineForecast = {
  sources: {
    source: TLeadSource;
    openLeads: number;
    openValue: number;
    /** Historical conversion rate of the source in percent: converted ÷ closed (converted + lost). */
    historicalRate: number;
    closedLeads: number;
    forecastValue: number;
  }[];
  openValue: number;
  forecastValue: number;
};

/**
 * Expected revenue from the open leads (pending, assigned, in progress) created in the range:
 * each source's open estimated value × that source's historical conversion rate, where history
 * is every closed lead (converted or lost, any date) under the same rep, territory and source
 * filters — so a rep's forecast uses their own record.
 */
export async function getPipelineForecast(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TPipelineForecast> {
  const f = scopeAnalytics(actor, input);
  // The historical rate reads every lead ever: from the daily rollup (analytics_lead_status_daily),
  // when it is in the company's zone, that is a few thousand rows instead of the whole table.
  const perSource = (await rollupAsOf("analytics_lead_status_daily", f, options))
    ? Prisma.sql`
      SELECT r.lead_source,
             coalesce(sum(r.leads) FILTER (WHERE ${rollupDays(f)} AND r.status IN ('pending', 'assigned', 'in_progress')), 0) AS open_leads,
             coalesce(sum(r.estimated_value) FILTER (WHERE ${rollupDays(f)} AND r.status IN ('pending', 'assigned', 'in_progress')), 0) AS open_value,
             coalesce(sum(r.leads) FILTER (WHERE r.status = 'converted'), 0) AS converted,
             coalesce(sum(r.leads) FILTER (WHERE r.status IN ('converted', 'lost')), 0) AS closed
      FROM analytics_lead_status_daily r
      WHERE ${rollupLeadConditions(f)} AND ${rollupRep(f)}
      GROUP BY r.lead_source`
    : Prisma.sql`
      SELECT lead_source,
             count(*) FILTER (WHERE in_range AND status IN ('pending', 'assigned', 'in_progress')) AS open_leads,
             coalesce(sum(estimated_value) FILTER (WHERE in_range AND status IN ('pending', 'assigned', 'in_progress')), 0) AS open_value,
             count(*) FILTER (WHERE status = 'converted') AS converted,
             count(*) FILTER (WHERE status IN ('converted', 'lost')) AS closed
      FROM (
        SELECT l.lead_source, l.status, l.estimated_value, (${inRange("l.created_at", f)}) AS in_range
        FROM sales_leads l
        WHERE true ${leadConditions(f)} ${repCondition("l.assigned_admin_id", f)}
      ) scoped
      GROUP BY lead_source`;
  const rows = await queryFigure<
    { source: TLeadSource; open_leads: bigint; open_value: unknown; converted: bigint; closed: bigint; forecast: unknown }[]
  >(Prisma.sql`
    WITH per_source AS (${perSource})
    SELECT s.source::text AS source, coalesce(p.open_leads, 0) AS open_leads, coalesce(p.open_value, 0) AS open_value,
           coalesce(p.converted, 0) AS converted, coalesce(p.closed, 0) AS closed,
           CASE WHEN coalesce(p.closed, 0) = 0 THEN 0 ELSE p.open_value * p.converted / p.closed END AS forecast
    FROM unnest(enum_range(NULL::lead_source)) WITH ORDINALITY AS s(source, ord)
    LEFT JOIN per_source p ON p.lead_source = s.source
    ORDER BY s.ord`);
  const sources = rows.map((r) => {
    const converted = toNumber(r.converted);
    const closed = toNumber(r.closed);
    return {
      source: r.source,
      openLeads: toNumber(r.open_leads),
      openValue: round2(toNumber(r.open_value)),
      historicalRate: closed > 0 ? Math.round((1000 * converted) / closed) / 10 : 0,
      closedLeads: closed,
      forecastValue: round2(toNumber(r.forecast)),
    };
  });
  return {
    sources,
    openValue: round2(sources.reduce((s, r) => s + r.openValue, 0)),
    forecastValue: round2(sources.reduce((s, r) => s + r.forecastValue, 0)),
  };
}
