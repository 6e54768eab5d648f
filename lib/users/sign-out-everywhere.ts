import "server-only";
import { z } from "zod";
import { command } from "@/lib/command";
import { endSessions } from "@/lib/auth/end-sessions";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";

/** Ends every session of the signed-in user, this one included (a lost phone, a shared computer). */
export const signOutEverywhere = command(z.object({}), async (actor) =>
  db.$transaction(async (tx) => {
    const ended = await endSessions({ userId: actor.id }, tx);
    await recordAudit(tx, { actor, action: "auth.logout_everywhere", target: { type: "user", id: actor.id }, after: { ended } });
    return { ended };
  }),
);
