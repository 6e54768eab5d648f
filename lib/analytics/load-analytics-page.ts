import "server-only";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { getCallHeatmap } from "@/lib/analytics/get-call-heatmap";
import { getConversionFunnel } from "@/lib/analytics/get-conversion-funnel";
import { getFollowUpEffectiveness } from "@/lib/analytics/get-follow-up-effectiveness";
import { getLeadsBySource } from "@/lib/analytics/get-leads-by-source";
import { getPipelineByStatus } from "@/lib/analytics/get-pipeline-by-status";
import { getPipelineForecast } from "@/lib/analytics/get-pipeline-forecast";
import { getRepPerformance } from "@/lib/analytics/get-rep-performance";
import { getRepProductivity } from "@/lib/analytics/get-rep-productivity";
import { getRevenueByMonth } from "@/lib/analytics/get-revenue-by-month";
import { getTerritoryComparison } from "@/lib/analytics/get-territory-comparison";
import { getSpeedToLead } from "@/lib/analytics/get-speed-to-lead";
import { getTimeToConversion } from "@/lib/analytics/get-time-to-conversion";
import { analyticsFreshness, readAnalyticsContext, type TFigureOptions } from "@/lib/analytics/analytics-rollups";
import { getSequenceTotals } from "@/lib/sequences/get-sequence-report";

export type TAnalyticsPage = Awaited<ReturnType<typeof loadAnalyticsPage>>;

/**
 * Every figure of the analytics page, as the page shows them: one query each, run side by side,
 * and how fresh the rollup-backed ones are (`freshness`, from the same rollup states the figures
 * chose their source by, read once before them so it never claims newer numbers than they show).
 */
export async function loadAnalyticsPage(actor: TActor, input: TAnalyticsFilterInput, pageOptions: TFigureOptions = {}) {
  // Scoped once up front so a refused filter fails before any query runs.
  const filter = scopeAnalytics(actor, input);
  const context = pageOptions.live ? undefined : (pageOptions.context ?? (await readAnalyticsContext()));
  const freshness = context ? await analyticsFreshness(filter, context) : [];
  const options: TFigureOptions = { ...pageOptions, context };
  const [repPerformance, leadsBySource, revenueByMonth, funnel, timeToConversion, followUps, heatmap, territories, pipeline, forecast, productivity, speedToLead, sequences] =
    await Promise.all([
      getRepPerformance(actor, filter, options),
      getLeadsBySource(actor, filter, options),
      getRevenueByMonth(actor, filter, options),
      getConversionFunnel(actor, filter, options),
      getTimeToConversion(actor, filter, options),
      getFollowUpEffectiveness(actor, filter, options),
      getCallHeatmap(actor, filter, options),
      getTerritoryComparison(actor, filter, options),
      getPipelineByStatus(actor, filter, options),
      getPipelineForecast(actor, filter, options),
      getRepProductivity(actor, filter, options),
      getSpeedToLead(actor, filter, options),
      // Always live: the enrolments begun in the range, followed to today (lib/sequences/).
      getSequenceTotals(actor, { filter }),
    ]);
  return { filter, freshness, repPerformance, leadsBySource, revenueByMonth, funnel, timeToConversion, followUps, heatmap, territories, pipeline, forecast, productivity, speedToLead, sequences };
}
