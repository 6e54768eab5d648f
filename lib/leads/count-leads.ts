import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { EXACT_COUNT_LIMIT, type TListCount } from "@/lib/leads/lead-vocabulary";

/**
 * How many leads match `where` (conditions over `sales_leads l`), for a list's heading: exact up
 * to EXACT_COUNT_LIMIT (a scan bounded at one more row), past that the planner's estimate, which
 * its statistics keep close (within a few per cent at 1 000 000 leads), for the cost of planning
 * alone. A full count of 52 000 pending leads cost more than the page itself.
 * When the planner expects ten times the bound or more, the bounded scan is skipped: it could
 * only end in the estimate, and for a filter the index cannot bound (a common word with a status)
 * it probed ~25 000 rows to find 1 001.
 */
export async function countLeads(where: Prisma.Sql): Promise<TListCount> {
  const [plan] = await db.$queryRaw<
    { "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]
  >`EXPLAIN (FORMAT JSON) SELECT 1 FROM sales_leads l ${where}`;
  const planned = Math.round(plan["QUERY PLAN"][0].Plan["Plan Rows"]);
  if (planned < 10 * EXACT_COUNT_LIMIT) {
    const [{ n }] = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM (SELECT 1 FROM sales_leads l ${where} LIMIT ${EXACT_COUNT_LIMIT + 1}) t`;
    if (n <= EXACT_COUNT_LIMIT) return { n, kind: "exact" };
  }
  // Round an estimate to what it can claim: "about 52,000", not "about 51,873".
  const about = Math.max(planned, EXACT_COUNT_LIMIT + 1);
  const step = about >= 10_000 ? 1_000 : 100;
  return { n: Math.round(about / step) * step, kind: "about" };
}
