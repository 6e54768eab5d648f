import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// A location share names no price: what an average conversion has been worth is the best guess.
export const LOCATION_SHARE_FALLBACK_VALUE = 1200;
export const LOAD_PLAN_VALUE = 500;

async function averageConversionValue(tx: Prisma.TransactionClient): Promise<number> {
  const [row] = await tx.$queryRaw<{ avg: string | null }[]>`SELECT round(avg(conversion_value), 2)::text AS avg FROM sales_conversions`;
  return row?.avg ? Number(row.avg) : LOCATION_SHARE_FALLBACK_VALUE;
}

/** The value one event suggests for its lead (the lead keeps the larger of this and what it had). */
export async function estimateLeadValue(
  tx: Prisma.TransactionClient,
  source: string,
  data: Record<string, unknown>,
  stated: number | undefined,
): Promise<number> {
  let value = 0;
  if (source === "load_plan") value = LOAD_PLAN_VALUE;
  else if (source === "quote") value = Number(data.total_cost) || 0;
  else if (source === "location_share") value = await averageConversionValue(tx);
  else if (source === "order_attempt" || source === "order_placed") value = Number(data.total) || 0;
  // The sender's own estimate counts when it is higher than the rule's.
  return Math.max(value, stated ?? 0);
}
