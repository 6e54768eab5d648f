import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ANALYTICS_ROLLUPS, LEAD_FACTS_STATE, ROLLUP_SOURCES, type TAnalyticsRollup } from "@/lib/analytics/analytics-rollups";
import { fillLeadFactMinutes } from "@/lib/analytics/fill-lead-fact-minutes";
import { TIME_ZONE_SQL } from "@/lib/kernel/company-settings";

export type TRollupRefresh = { name: TAnalyticsRollup | typeof LEAD_FACTS_STATE; timeZone: string; durationMs: number };

/**
 * Refreshes every analytics rollup (the `analytics-rollups-refresh` job, every few minutes).
 * CONCURRENTLY, so the page keeps reading the previous contents meanwhile. Each view in its own
 * REPEATABLE READ transaction, so the time zone recorded beside it is the one its days were cut
 * in, and a refresh that fails leaves that view and its "as of" as they were. A rollup summed from
 * another (ROLLUP_SOURCES) is refreshed after it and recorded as of its source's refresh, in its
 * zone: it holds what its source held (the speed rollup, summed from lead_facts, also in the
 * working hours its business minutes were counted in). First it counts the business minutes
 * lead_facts is missing (the triggers keep the rest of lead_facts themselves).
 */
export async function refreshAnalyticsRollups(): Promise<TRollupRefresh[]> {
  const minutes = await fillLeadFactMinutes();
  const done: TRollupRefresh[] = [{ name: LEAD_FACTS_STATE, timeZone: minutes.timeZone, durationMs: minutes.durationMs }];
  for (const name of ANALYTICS_ROLLUPS) {
    const started = Date.now();
    const timeZone = await db.$transaction(
      async (tx) => {
        // A refresh at 10 M actions takes longer than a request may (DATABASE_STATEMENT_TIMEOUT_MS).
        await tx.$executeRaw`SELECT set_config('statement_timeout', '0', true), set_config('work_mem', '64MB', true)`;
        const source = ROLLUP_SOURCES[name];
        // now() is the transaction's start, when its snapshot (what the view now holds) was taken;
        // the same snapshot reads a source's contents and its record.
        const [{ zone, asOf, hours }] = source
          ? await tx.$queryRaw<{ zone: string; asOf: Date; hours: Prisma.JsonValue }[]>`
              SELECT time_zone AS zone, refreshed_at AS "asOf", business_hours AS hours FROM analytics_rollup_refreshes WHERE name = ${source}`
          : await tx.$queryRaw<{ zone: string; asOf: Date; hours: Prisma.JsonValue }[]>`SELECT ${TIME_ZONE_SQL} AS zone, now() AS "asOf", NULL::jsonb AS hours`;
        await tx.$executeRaw`REFRESH MATERIALIZED VIEW CONCURRENTLY ${Prisma.raw(name)}`;
        await tx.$executeRaw`
          INSERT INTO analytics_rollup_refreshes (name, refreshed_at, time_zone, duration_ms, business_hours)
          VALUES (${name}, ${asOf}, ${zone}, ${Date.now() - started}, ${hours === null ? null : JSON.stringify(hours)}::jsonb)
          ON CONFLICT (name) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, time_zone = EXCLUDED.time_zone, duration_ms = EXCLUDED.duration_ms,
                                           business_hours = EXCLUDED.business_hours`;
        return zone;
      },
      { isolationLevel: "RepeatableRead", timeout: 15 * 60_000, maxWait: 10_000 },
    );
    done.push({ name, timeZone, durationMs: Date.now() - started });
  }
  return done;
}
