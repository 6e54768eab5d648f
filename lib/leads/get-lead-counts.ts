import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";

export type TLeadCounts = { pending: number; mine: number; convertedThisMonth: number; total: number };

/** The headline counts of the dashboard, in one query. */
export async function getLeadCounts(actor: TActor): Promise<TLeadCounts> {
  const [row] = await db.$queryRaw<{ pending: bigint; mine: bigint; converted_this_month: bigint; total: bigint }[]>`
    SELECT
      count(*) FILTER (WHERE status = 'pending') AS pending,
      count(*) FILTER (WHERE assigned_admin_id = ${actor.id} AND status IN ('assigned', 'in_progress')) AS mine,
      (SELECT count(*) FROM sales_conversions WHERE created_at >= date_trunc('month', now())) AS converted_this_month,
      count(*) AS total
    FROM sales_leads`;
  return {
    pending: Number(row.pending),
    mine: Number(row.mine),
    convertedThisMonth: Number(row.converted_this_month),
    total: Number(row.total),
  };
}
