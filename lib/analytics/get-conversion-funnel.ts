import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { inRange, leadConditions, percent, queryFigure, repCondition, toNumber } from "@/lib/analytics/analytics-sql";
import { rollupAsOf, rollupDays, rollupLeadConditions, rollupRep, type TFigureOptions } from "@/lib/analytics/analytics-rollups";

export const FUNNEL_STAGES = ["pending", "assigned", "contacted", "interested", "converted"] as const;
export type TFunnelStage = (typeof FUNNEL_STAGES)[number];

export type TConversionFunnel = {
  stages: { stage: TFunnelStage; leads: number; rateFromPrevious: number; rateFromStart: number }[];
};

/**
 * The leads created in the range, by the furthest stage each reached: every lead starts pending;
 * assigned = ever claimed or assigned; contacted = has a sales action; interested = an action
 * with outcome "interested"; converted = has a conversion. A lead that reached a later stage counts
 * in all earlier ones (a lead converted straight from an order is also interested), so each stage
 * is a subset of the one before and the stage-to-stage rates never exceed 100 %.
 * The daily rollup (analytics_lead_stage_daily) keeps each lead's stage; it is summed when in the company's zone.
 */
export async function getConversionFunnel(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TConversionFunnel> {
  const f = scopeAnalytics(actor, input);
  const rolled = await rollupAsOf("analytics_lead_stage_daily", f, options);
  const [row] = await queryFigure<Record<TFunnelStage, bigint>[]>(rolled ? Prisma.sql`
    SELECT coalesce(sum(r.leads), 0) AS pending,
           coalesce(sum(r.leads) FILTER (WHERE r.stage >= 1), 0) AS assigned,
           coalesce(sum(r.leads) FILTER (WHERE r.stage >= 2), 0) AS contacted,
           coalesce(sum(r.leads) FILTER (WHERE r.stage >= 3), 0) AS interested,
           coalesce(sum(r.leads) FILTER (WHERE r.stage >= 4), 0) AS converted
    FROM analytics_lead_stage_daily r
    WHERE ${rollupDays(f)} AND ${rollupLeadConditions(f)} AND ${rollupRep(f)}` : Prisma.sql`
    WITH cohort AS MATERIALIZED (
      SELECT CASE
               WHEN c.id IS NOT NULL OR l.status = 'converted' THEN 4
               WHEN act.interested > 0 THEN 3
               WHEN act.actions > 0 THEN 2
               WHEN l.assigned_admin_id IS NOT NULL OR l.assigned_at IS NOT NULL
                    OR EXISTS (SELECT 1 FROM lead_events e WHERE e.lead_id = l.id AND e.type IN ('claimed', 'assigned')) THEN 1
               ELSE 0
             END AS reached
      FROM sales_leads l
      LEFT JOIN sales_conversions c ON c.lead_id = l.id
      CROSS JOIN LATERAL (
        -- One index-only pass over the lead's actions.
        SELECT count(*) AS actions, count(*) FILTER (WHERE a.outcome = 'interested') AS interested
        FROM sales_actions a WHERE a.lead_id = l.id AND a.voided_at IS NULL
      ) act
      WHERE ${inRange("l.created_at", f)} ${leadConditions(f)} ${repCondition("coalesce(c.admin_id, l.assigned_admin_id)", f)}
    )
    SELECT count(*) AS pending,
           count(*) FILTER (WHERE reached >= 1) AS assigned,
           count(*) FILTER (WHERE reached >= 2) AS contacted,
           count(*) FILTER (WHERE reached >= 3) AS interested,
           count(*) FILTER (WHERE reached >= 4) AS converted
    FROM cohort`);
  const counts = FUNNEL_STAGES.map((s) => toNumber(row?.[s]));
  return {
    stages: FUNNEL_STAGES.map((stage, i) => ({
      stage,
      leads: counts[i],
      rateFromPrevious: i === 0 ? (counts[0] > 0 ? 100 : 0) : percent(counts[i], counts[i - 1]),
      rateFromStart: percent(counts[i], counts[0]),
    })),
  };
}
