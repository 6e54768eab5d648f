import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";

/** The signed-in user's own editable details. */
export async function getOwnProfile(actor: TActor) {
  return db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { id: true, name: true, email: true, role: true, phone: true },
  });
}
