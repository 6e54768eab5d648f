import "server-only";
import { isDeepStrictEqual } from "node:util";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { TAnalyticsFilter } from "@/lib/analytics/analytics-filter";
import { filtersLeads } from "@/lib/analytics/analytics-sql";
import { haulFilterSql } from "@/lib/haul/haul-filter-sql";
import type { TBusinessHours } from "@/lib/kernel/business-hours";
import { getCompanySettings } from "@/lib/kernel/company-settings";

// The analytics rollups (issue #19): materialized views made in the migration `analytics_rollups`
// and refreshed CONCURRENTLY by the `analytics-rollups-refresh` job. A figure reads its rollup
// when the rollup has been refreshed in the filter's time zone (its days and hours are that
// zone's); otherwise it runs its live query, so a changed time zone never shows wrong days.

export const ANALYTICS_ROLLUPS = [
  "analytics_lead_daily",
  "analytics_assignment_daily",
  "analytics_conversion_daily",
  "analytics_action_hourly",
  "analytics_follow_up_daily",
  // Summed from the rollups above (migration `analytics_narrow_rollups`), so refreshed after them.
  "analytics_lead_status_daily",
  "analytics_lead_stage_daily",
  "analytics_call_hourly",
  "analytics_action_daily",
  // Read from lead_facts after its business minutes are counted (migration `speed_rollup_and_first_claim`).
  "analytics_speed_daily",
  // Migration `analytics_territory_email_conversion_rollups`; the first summed from analytics_lead_stage_daily.
  "analytics_territory_daily",
  "analytics_email_daily",
  "analytics_conversion_time_daily",
] as const;
export type TAnalyticsRollup = (typeof ANALYTICS_ROLLUPS)[number];

/**
 * The rollups summed from another one: as fresh as that one's refresh, in its zone (and, from
 * lead_facts, in the working hours its business minutes were counted in).
 */
export const ROLLUP_SOURCES: Partial<Record<TAnalyticsRollup, TAnalyticsRollup | typeof LEAD_FACTS_STATE>> = {
  analytics_lead_status_daily: "analytics_lead_daily",
  analytics_lead_stage_daily: "analytics_lead_daily",
  analytics_call_hourly: "analytics_action_hourly",
  analytics_action_daily: "analytics_action_hourly",
  analytics_speed_daily: "lead_facts",
  analytics_territory_daily: "analytics_lead_stage_daily",
};

/**
 * Which figure reads which rollup, and whether only without lead filters (the action and
 * follow-up rollups have no lead columns): the page's freshness note is made from this list.
 */
export const ROLLUP_FIGURES: { figure: string; rollup: TAnalyticsRollup; withoutLeadFilters?: true; teamOnly?: true }[] = [
  { figure: "Rep performance", rollup: "analytics_assignment_daily" },
  { figure: "Revenue by month", rollup: "analytics_conversion_daily" },
  { figure: "Leads by source", rollup: "analytics_lead_status_daily" },
  { figure: "Conversion funnel", rollup: "analytics_lead_stage_daily" },
  { figure: "Call heatmap", rollup: "analytics_call_hourly", withoutLeadFilters: true },
  { figure: "Territory comparison", rollup: "analytics_territory_daily" },
  { figure: "Rep productivity (calls and emails logged)", rollup: "analytics_action_daily", withoutLeadFilters: true },
  { figure: "Rep productivity (emails sent and replied to)", rollup: "analytics_email_daily", withoutLeadFilters: true },
  { figure: "Pipeline by status", rollup: "analytics_lead_status_daily" },
  { figure: "Pipeline forecast", rollup: "analytics_lead_status_daily" },
  { figure: "Follow-up effectiveness", rollup: "analytics_follow_up_daily", withoutLeadFilters: true },
  {
    figure: "Speed to lead (medians and 90th percentiles read from minute buckets: within a bucket's width)",
    rollup: "analytics_speed_daily",
    withoutLeadFilters: true,
    teamOnly: true,
  },
  { figure: "Time to conversion (medians read from day buckets: within a bucket's width)", rollup: "analytics_conversion_time_daily", withoutLeadFilters: true },
];

export type TRollupState = { refreshedAt: Date; timeZone: string; businessHours: unknown };

/** When each rollup was last refreshed, in which zone and (from lead_facts) in which working hours. */
export async function readRollupStates(): Promise<Map<string, TRollupState>> {
  const rows = await db.analyticsRollupRefresh.findMany({ select: { name: true, refreshedAt: true, timeZone: true, businessHours: true } });
  return new Map(rows.map((r) => [r.name, { refreshedAt: r.refreshedAt, timeZone: r.timeZone, businessHours: r.businessHours }]));
}

/** One rollup's (or lead_facts') state: from the page's context when given, else read now. */
async function readRollupState(name: string, context: TAnalyticsContext | undefined): Promise<TRollupState | null> {
  if (context) return context.states.get(name) ?? null;
  return db.analyticsRollupRefresh.findUnique({ where: { name }, select: { refreshedAt: true, timeZone: true, businessHours: true } });
}

/**
 * What every figure of a page would otherwise read for itself: the rollups' states and the
 * company's working hours. The analytics page reads them once (loadAnalyticsPage) and hands them
 * to each figure, so a dozen figures cost a dozen queries, not three dozen, and the freshness note
 * is made from the very states the figures chose their source by.
 */
export type TAnalyticsContext = { states: Map<string, TRollupState>; businessHours: TBusinessHours };

/** The states and settings a page's figures share, in two queries side by side. */
export async function readAnalyticsContext(): Promise<TAnalyticsContext> {
  const [states, { businessHours }] = await Promise.all([readRollupStates(), getCompanySettings()]);
  return { states, businessHours };
}

/**
 * How a figure reads: `live` skips the rollups and lead_facts (the correctness tests compare
 * both ways); `facts` skips the rollups only (speed to lead reads lead_facts, as for a filter the
 * rollup cannot answer); `context`, when the caller read it, saves the figure reading it again.
 */
export type TFigureOptions = { live?: boolean; facts?: boolean; context?: TAnalyticsContext };

type TRollupUse = { withoutLeadFilters?: boolean; teamOnly?: boolean; businessHours?: TBusinessHours };

/** Whether a rollup in state `s` answers filter `f` (its zone, its lead and rep slices, its working hours). */
function rollupAnswers(s: TRollupState | null | undefined, f: TAnalyticsFilter, use: TRollupUse): s is TRollupState {
  if (!s || s.timeZone !== f.timeZone) return false;
  if (use.withoutLeadFilters && filtersLeads(f)) return false;
  if (use.teamOnly && f.repId) return false;
  return !use.businessHours || isDeepStrictEqual(s.businessHours, use.businessHours);
}

/** When `rollup` was refreshed, if a figure for filter `f` may read it; null means "compute live". */
export async function rollupAsOf(rollup: TAnalyticsRollup, f: TAnalyticsFilter, options: TFigureOptions & TRollupUse = {}): Promise<Date | null> {
  if (options.live || options.facts) return null;
  const row = await readRollupState(rollup, options.context);
  return rollupAnswers(row, f, options) ? row.refreshedAt : null;
}

export type TAnalyticsFreshness = { figure: string; asOf: Date | null }[];

/** Per rollup-backed figure, as of when its numbers are (null: computed live for this filter). */
export async function analyticsFreshness(f: TAnalyticsFilter, context?: TAnalyticsContext): Promise<TAnalyticsFreshness> {
  const { states, businessHours } = context ?? (await readAnalyticsContext());
  return ROLLUP_FIGURES.map(({ figure, rollup, withoutLeadFilters, teamOnly }) => {
    const s = states.get(rollup);
    // A rollup counted in working hours (speed to lead) answers only while they are the company's.
    const hours = s?.businessHours ? businessHours : undefined;
    return { figure, asOf: rollupAnswers(s, f, { withoutLeadFilters, teamOnly, businessHours: hours }) ? s!.refreshedAt : null };
  });
}

/** The rep slice of a rollup with one (0: the whole team). */
export const rollupRep = (f: TAnalyticsFilter, column = "r.rep_id") => Prisma.sql`${Prisma.raw(column)} = ${f.repId ?? 0}::int`;

/** The filter's days as a condition on a rollup's `day` column (both ends inclusive, as the filter's). */
export const rollupDays = (f: TAnalyticsFilter, r = "r") => Prisma.sql`${Prisma.raw(r)}.day BETWEEN ${f.from}::date AND ${f.to}::date`;

/**
 * The lead filters on a rollup alias: the territory slice (0 = all leads; a lead touching a
 * territory's states is in its slice), the source and the haul flags. `perTerritory` reads every
 * territory's slice (the territory figure) unless the filter names one.
 */
export function rollupLeadConditions(f: TAnalyticsFilter, r = "r", options: { perTerritory?: boolean } = {}): Prisma.Sql {
  const a = Prisma.raw(r);
  const parts: Prisma.Sql[] = [
    f.territoryId || !options.perTerritory ? Prisma.sql`${a}.territory_id = ${f.territoryId ?? 0}::int` : Prisma.sql`${a}.territory_id <> 0`,
  ];
  if (f.source) parts.push(Prisma.sql`${a}.lead_source = ${f.source}::lead_source`);
  const haul = haulFilterSql(f.haul, r);
  if (haul) parts.push(haul);
  return Prisma.join(parts, " AND ");
}

/**
 * The `analytics_rollup_refreshes` row of lead_facts (migration `lead_facts`): when the job last
 * counted its business minutes, and in which zone and working hours.
 */
export const LEAD_FACTS_STATE = "lead_facts";

/** Whether lead_facts' stored business minutes were counted in this zone and these working hours. */
export async function leadFactMinutesMatch(timeZone: string, businessHours: TBusinessHours, context?: TAnalyticsContext): Promise<boolean> {
  const row = await readRollupState(LEAD_FACTS_STATE, context);
  return !!row && row.timeZone === timeZone && isDeepStrictEqual(row.businessHours, businessHours);
}
