import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { filtersLeads, inRange, leadConditions, localTime, queryFigure, repCondition, toNumber } from "@/lib/analytics/analytics-sql";
import { rollupAsOf, rollupRep, type TFigureOptions } from "@/lib/analytics/analytics-rollups";

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export type TCallHeatmap = {
  /** 7 × 24 cells, Monday (1) to Sunday (7) and hours 0–23 of the company's clock, zeros included. */
  cells: { weekday: number; hour: number; calls: number }[];
  total: number;
  max: number;
};

/** Calls logged in the range by weekday and hour on the company's clock (not the server's). */
export async function getCallHeatmap(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TCallHeatmap> {
  const f = scopeAnalytics(actor, input);
  const needsLead = filtersLeads(f);
  const leadJoin = needsLead ? Prisma.sql`JOIN sales_leads l ON l.id = a.lead_id ${leadConditions(f)}` : Prisma.empty;
  // Without lead filters, the hourly rollup (analytics_call_hourly, hours of the company's clock,
  // the team as slice 0) is summed.
  const hours = (await rollupAsOf("analytics_call_hourly", f, { ...options, withoutLeadFilters: true }))
    ? Prisma.sql`
      SELECT r.local_hour AS hour_start, r.calls
      FROM analytics_call_hourly r
      WHERE ${rollupRep(f, "r.admin_id")} AND r.local_hour >= ${f.from}::date::timestamp AND r.local_hour < (${f.to}::date + 1)::timestamp`
    : Prisma.sql`
      -- Grouped by local hour first, so each call is converted to the company clock only once.
      SELECT date_trunc('hour', ${localTime("a.created_at", f)}) AS hour_start, count(*) AS calls
      FROM sales_actions a
      ${leadJoin}
      WHERE a.action_type = 'call' AND ${inRange("a.created_at", f)} ${repCondition("a.admin_id", f)} AND a.voided_at IS NULL
      GROUP BY 1`;
  const rows = await queryFigure<{ weekday: number; hour: number; calls: bigint }[]>(Prisma.sql`
    WITH hours AS (${hours}), calls AS (
      SELECT extract(isodow FROM hour_start)::int AS weekday, extract(hour FROM hour_start)::int AS hour, sum(calls) AS calls
      FROM hours
      GROUP BY 1, 2
    )
    SELECT d.weekday, h.hour, coalesce(c.calls, 0) AS calls
    FROM generate_series(1, 7) AS d(weekday)
    CROSS JOIN generate_series(0, 23) AS h(hour)
    LEFT JOIN calls c ON c.weekday = d.weekday AND c.hour = h.hour
    ORDER BY d.weekday, h.hour`);
  const cells = rows.map((r) => ({ weekday: r.weekday, hour: r.hour, calls: toNumber(r.calls) }));
  return { cells, total: cells.reduce((s, c) => s + c.calls, 0), max: cells.reduce((m, c) => Math.max(m, c.calls), 0) };
}
