import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether the user works a territory touching at least one of the lead's states: the strict
 * territory rule of a claim (assert-claim-allowed.ts) and of a handoff's receiver (lib/requests/).
 */
export async function coversLeadStates(tx: Prisma.TransactionClient, userId: number, states: string[]): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ allowed: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM territory_members m JOIN territories t ON t.id = m.territory_id
      WHERE m.user_id = ${userId} AND t.states && ${states}::text[]
    ) AS allowed`;
  return row?.allowed ?? false;
}
