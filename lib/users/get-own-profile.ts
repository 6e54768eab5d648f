import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";

/** The signed-in user's own editable details (whether a calendar feed exists, never its secret). */
export async function getOwnProfile(actor: TActor) {
  const { calendarTokenHash, ...me } = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { id: true, name: true, email: true, role: true, phone: true, followUpDigest: true, calendarTokenHash: true },
  });
  return { ...me, calendarFeed: calendarTokenHash !== null };
}
