import "server-only";
import { db } from "@/lib/db";
import { isManager, type TActor } from "@/lib/auth/permissions";
import { validationError } from "@/lib/errors";
import { ZCallLock, type TCallLock } from "@/lib/calls/lock-lead-for-call";

/**
 * Clears the actor's own call lock (the manager may clear anyone's). Releasing a lock one does
 * not hold is not an error: the lock may have expired or been taken over in the meantime.
 */
export async function releaseCallLock(actor: TActor, input: TCallLock) {
  const parsed = ZCallLock.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const released = await db.salesLead.updateMany({
    where: {
      id: parsed.data.leadId,
      ...(isManager(actor) ? { callLockedById: { not: null } } : { callLockedById: actor.id }),
    },
    data: { callLockedById: null, callLockedUntil: null },
  });
  return { leadId: parsed.data.leadId, released: released.count > 0 };
}
