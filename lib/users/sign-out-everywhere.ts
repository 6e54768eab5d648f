import "server-only";
import type { TActor } from "@/lib/auth/permissions";
import { endSessions } from "@/lib/auth/end-sessions";

/** Ends every session of the signed-in user, this one included (a lost phone, a shared computer). */
export async function signOutEverywhere(actor: TActor) {
  const ended = await endSessions({ userId: actor.id });
  return { ended };
}
