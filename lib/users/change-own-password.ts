import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword, ZPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { endSessions } from "@/lib/auth/end-sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { clearRateLimit, consumeRateLimit } from "@/lib/security/rate-limits";
import { command } from "@/lib/command";

export const ZChangeOwnPassword = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password"),
    newPassword: ZPassword,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "Choose a password you have not used here",
  });

/** Any user changes their own password; every session (this one too) ends, so sign in again. */
export const changeOwnPassword = command(ZChangeOwnPassword, async (actor, data) => {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  // Counted before the check, forgiven after a right one: a stolen session cannot guess on.
  await consumeRateLimit("password-change", String(actor.id));
  if (!(await verifyPassword(data.currentPassword, user.passwordHash)))
    throw new AppError("BAD_REQUEST", "Invalid input: currentPassword — that is not your current password", [
      { path: "currentPassword", message: "That is not your current password" },
    ]);
  await clearRateLimit("password-change", String(actor.id));
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false } });
    await endSessions({ userId: actor.id }, tx);
    await recordAudit(tx, { actor, action: "user.password_changed", target: { type: "user", id: actor.id } });
  });
  return { userId: actor.id };
});
