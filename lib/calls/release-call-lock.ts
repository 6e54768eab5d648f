import "server-only";
import { db } from "@/lib/db";
import { isManager } from "@/lib/auth/permissions";
import { ZCallLock } from "@/lib/calls/lock-lead-for-call";
import { command } from "@/lib/command";

/**
 * Clears the actor's own call lock (the manager may clear anyone's). Releasing a lock one does
 * not hold is not an error: the lock may have expired or been taken over in the meantime.
 */
export const releaseCallLock = command(ZCallLock, async (actor, data) => {
  const released = await db.salesLead.updateMany({
    where: {
      id: data.leadId,
      ...(isManager(actor) ? { callLockedById: { not: null } } : { callLockedById: actor.id }),
    },
    data: { callLockedById: null, callLockedUntil: null },
  });
  return { leadId: data.leadId, released: released.count > 0 };
});
