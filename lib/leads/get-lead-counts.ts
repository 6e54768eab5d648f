import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { HELD_LEADS } from "@/lib/leads/lead-tallies-sql";

export type TLeadCounts = { pending: number; mine: number; convertedThisMonth: number; total: number };

/** The headline counts of the dashboard, in one query (the lead counts from the tallies: lead-tallies-sql.ts). */
export async function getLeadCounts(actor: TActor): Promise<TLeadCounts> {
  const [row] = await db.$queryRaw<{ pending: bigint; mine: bigint; converted_this_month: bigint; total: bigint }[]>`
    SELECT
      coalesce(sum(h.pending), 0) AS pending,
      coalesce(sum(h.open_leads) FILTER (WHERE h.admin_id = ${actor.id}), 0) AS mine,
      (SELECT count(*) FROM sales_conversions WHERE created_at >= date_trunc('month', now())) AS converted_this_month,
      coalesce(sum(h.leads), 0) AS total
    FROM ${HELD_LEADS} h`;
  return {
    pending: Number(row.pending),
    mine: Number(row.mine),
    convertedThisMonth: Number(row.converted_this_month),
    total: Number(row.total),
  };
}
