import "server-only";
import { isDeepStrictEqual } from "node:util";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { LEAD_FACTS_STATE } from "@/lib/analytics/analytics-rollups";
import { businessWindow } from "@/lib/kernel/business-hours";
import { getCompanySettings } from "@/lib/kernel/company-settings";

// The business minutes of lead_facts (migration `lead_facts`): working minutes from a lead's
// arrival to its first claim and to its first touch, counted once by business_minutes() in the
// company's zone and working hours, not on every page view. The triggers that keep the facts clear
// a lead's minutes when its instants change; this fills what is missing (the analytics-rollups-refresh
// job, every few minutes) and records the zone and hours they were counted in. When the company
// changes either, the next run counts every lead again; until it has, the speed figure counts live.

/** Counts the missing business minutes of lead_facts (all of them after a change of zone or hours). */
export async function fillLeadFactMinutes(): Promise<{ filled: number; recounted: boolean; timeZone: string; durationMs: number }> {
  const started = Date.now();
  // READ COMMITTED: a fact a trigger rewrites meanwhile is re-read before it is written, so the
  // minutes always belong to the instants beside them.
  return db.$transaction(
    async (tx) => {
      // A full count at 10 M actions takes longer than a request may (DATABASE_STATEMENT_TIMEOUT_MS).
      await tx.$executeRaw`SELECT set_config('statement_timeout', '0', true)`;
      const { timeZone, businessHours } = await getCompanySettings(tx);
      const { startMinute, endMinute } = businessWindow(businessHours);
      const state = await tx.analyticsRollupRefresh.findUnique({ where: { name: LEAD_FACTS_STATE }, select: { timeZone: true, businessHours: true } });
      const recounted = !state || state.timeZone !== timeZone || !isDeepStrictEqual(state.businessHours, businessHours);
      if (recounted)
        await tx.$executeRaw`
          UPDATE lead_facts SET claim_business_minutes = NULL, touch_business_minutes = NULL
          WHERE claim_business_minutes IS NOT NULL OR touch_business_minutes IS NOT NULL`;
      const minutes = (at: string) =>
        Prisma.sql`business_minutes(f.created_at, f.${Prisma.raw(at)}, ${timeZone}::text, ${businessHours.days}::int[], ${startMinute}::int, ${endMinute}::int)`;
      // The todo index (lead_facts_minutes_todo_idx) finds the facts still to count.
      const filled = await tx.$executeRaw`
        UPDATE lead_facts f SET
          claim_business_minutes = coalesce(f.claim_business_minutes, ${minutes("claim_at")}),
          touch_business_minutes = coalesce(f.touch_business_minutes, ${minutes("touch_at")})
        WHERE (f.claim_at IS NOT NULL AND f.claim_business_minutes IS NULL) OR (f.touch_at IS NOT NULL AND f.touch_business_minutes IS NULL)`;
      const hours = businessHours as unknown as Prisma.InputJsonValue;
      await tx.analyticsRollupRefresh.upsert({
        where: { name: LEAD_FACTS_STATE },
        create: { name: LEAD_FACTS_STATE, refreshedAt: new Date(), timeZone, businessHours: hours, durationMs: Date.now() - started },
        update: { refreshedAt: new Date(), timeZone, businessHours: hours, durationMs: Date.now() - started },
      });
      return { filled, recounted, timeZone, durationMs: Date.now() - started };
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
}
