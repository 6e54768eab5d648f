import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Revokes sessions on the server: one (`sessionId`, a sign-out) or all of a user's (password
 * change, reset, deactivation, "sign out everywhere"). Their cookies are refused from the next
 * request on. Pass the transaction so the revocation commits with the change that caused it.
 */
export async function endSessions(
  where: { sessionId: string } | { userId: number },
  client: Prisma.TransactionClient = db,
): Promise<number> {
  const { count } = await client.userSession.updateMany({
    where: { ...("sessionId" in where ? { id: where.sessionId } : { userId: where.userId }), revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}
