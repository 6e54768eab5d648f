import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import { HELD_LEADS } from "@/lib/leads/lead-tallies-sql";
import { emptyToUndefined, zId } from "@/lib/leads/lead-input";
import { command } from "@/lib/command";

export const ZGetRepTotals = z.object({
  admin_id: z.preprocess(emptyToUndefined, zId("admin_id").optional()),
});
export type TGetRepTotals = z.input<typeof ZGetRepTotals>;

export type TRepTotals = {
  adminId: number;
  leads: number;
  openLeads: number;
  conversions: number;
  conversionRate: number;
  revenue: number;
  averageValue: number | null;
};

/**
 * One rep's all-time totals (the dashboard cards), in one query: leads held, conversions, rate,
 * revenue and average value (analytics' getRepPerformance() is per rep over a date range).
 * A conversion counts for the rep who held the lead when it converted
 * (sales_conversions.admin_id), so a later reassignment cannot move revenue between reps.
 * A rep sees their own figures; another rep's are the manager's (404 otherwise).
 */
export const getRepTotals = command(
  ZGetRepTotals,
  async (actor, data): Promise<TRepTotals> => {
    const adminId = data.admin_id ?? actor.id;
    assertCan(actor, adminId === actor.id ? "metrics.own" : "metrics.team");

    const [row] = await db.$queryRaw<Omit<TRepTotals, "adminId">[]>`
    WITH held AS (
      SELECT coalesce(sum(h.leads), 0)::int AS leads, coalesce(sum(h.open_leads), 0)::int AS open_leads
      FROM ${HELD_LEADS} h WHERE h.admin_id = ${adminId}
    ), won AS (
      SELECT count(*)::int AS conversions, coalesce(sum(conversion_value), 0) AS revenue
      FROM sales_conversions WHERE admin_id = ${adminId}
    )
    SELECT held.leads, held.open_leads AS "openLeads", won.conversions,
           coalesce(round(won.conversions * 100.0 / nullif(held.leads, 0), 1), 0)::float8 AS "conversionRate",
           won.revenue::float8 AS revenue,
           round(won.revenue / nullif(won.conversions, 0), 2)::float8 AS "averageValue"
    FROM held, won`;
    return { adminId, ...row };
  },
);
