import "server-only";
import { db } from "@/lib/db";

/** A new server-side session for a user who just proved their password; its id goes in the JWT. */
export async function startSession(userId: number, client: { ip: string; userAgent?: string | null }): Promise<string> {
  const session = await db.userSession.create({
    data: { userId, ip: client.ip.slice(0, 64), userAgent: client.userAgent?.slice(0, 400) ?? null },
    select: { id: true },
  });
  return session.id;
}
