import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { inRange, leadConditions, queryFigure, repCondition, round2, toNumber } from "@/lib/analytics/analytics-sql";
import { rollupAsOf, rollupDays, rollupLeadConditions, rollupRep, type TFigureOptions } from "@/lib/analytics/analytics-rollups";
import { isClosedStatus } from "@/lib/leads/lead-rules";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";


export type TPipelineByStatus = {
  statuses: { status: TLeadStatus; leads: number; value: number }[];
  openLeads: number;
  openValue: number;
};

/** The leads created in the range by their status today, with their estimated value. */
export async function getPipelineByStatus(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TPipelineByStatus> {
  const f = scopeAnalytics(actor, input);
  // Summed from the daily rollup (analytics_lead_status_daily) when it is in the company's zone.
  const byStatus = (await rollupAsOf("analytics_lead_status_daily", f, options))
    ? Prisma.sql`
      SELECT r.status, sum(r.leads) AS leads, sum(r.estimated_value) AS value
      FROM analytics_lead_status_daily r
      WHERE ${rollupDays(f)} AND ${rollupLeadConditions(f)} AND ${rollupRep(f)}
      GROUP BY r.status`
    : Prisma.sql`
      SELECT l.status, count(*) AS leads, sum(l.estimated_value) AS value
      FROM sales_leads l
      WHERE ${inRange("l.created_at", f)} ${leadConditions(f)} ${repCondition("l.assigned_admin_id", f)}
      GROUP BY l.status`;
  const rows = await queryFigure<{ status: TLeadStatus; leads: bigint; value: unknown }[]>(Prisma.sql`
    WITH by_status AS (${byStatus})
    SELECT s.status::text AS status, coalesce(b.leads, 0) AS leads, coalesce(b.value, 0) AS value
    FROM unnest(enum_range(NULL::lead_status)) WITH ORDINALITY AS s(status, ord)
    LEFT JOIN by_status b ON b.status = s.status
    ORDER BY s.ord`);
  const statuses = rows.map((r) => ({ status: r.status, leads: toNumber(r.leads), value: round2(toNumber(r.value)) }));
  // "Open" here is everything not closed: the pool is pipeline too.
  const open = statuses.filter((s) => !isClosedStatus(s.status));
  return {
    statuses,
    openLeads: open.reduce((n, s) => n + s.leads, 0),
    openValue: round2(open.reduce((n, s) => n + s.value, 0)),
  };
}
