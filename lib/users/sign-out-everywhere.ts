import "server-only";
import type { TActor } from "@/lib/auth/permissions";
import { endSessions } from "@/lib/auth/end-sessions";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";

/** Ends every session of the signed-in user, this one included (a lost phone, a shared computer). */
export async function signOutEverywhere(actor: TActor) {
  return db.$transaction(async (tx) => {
    const ended = await endSessions({ userId: actor.id }, tx);
    await recordAudit(tx, { actor, action: "auth.logout_everywhere", target: { type: "user", id: actor.id }, after: { ended } });
    return { ended };
  });
}
