import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";
import { endSessions } from "@/lib/auth/end-sessions";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZSetUserActive = z.object({
  userId: z.coerce.number().int().positive(),
  active: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});

/**
 * Activates or deactivates a user. Deactivation ends every session of the user on the server, so
 * a live cookie stops working on its next request; reactivating revives none of them.
 */
export const setUserActive = command({ input: ZSetUserActive, may: "users.manage" }, async (actor, data) => {
  const { userId, active } = data;
  if (userId === actor.id && !active) throw new AppError("CONFLICT", "You cannot deactivate yourself");
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { active } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "User not found");
    if (!active) await endSessions({ userId }, tx);
    await recordAudit(tx, { actor, action: active ? "user.reactivated" : "user.deactivated", target: { type: "user", id: userId }, after: { active } });
  });
  return { userId, active };
});
