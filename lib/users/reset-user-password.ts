import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword, ZPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";
import { endSessions } from "@/lib/auth/end-sessions";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZResetUserPassword = z.object({
  userId: z.coerce.number().int().positive(),
  password: ZPassword,
});

/**
 * The manager sets a temporary password for someone who forgot theirs. Their open sessions end
 * at once: whoever knew the old password is out too. The temporary password must be replaced at
 * the next sign-in (must_change_password).
 */
export const resetUserPassword = command(
  { input: ZResetUserPassword, may: "users.manage" },
  async (actor, data) => {
    const { userId, password } = data;
    if (userId === actor.id) throw new AppError("CONFLICT", "Change your own password under My account");
    const passwordHash = await hashPassword(password);
    await db.$transaction(async (tx) => {
      const updated = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash, mustChangePassword: true } });
      if (updated.count === 0) throw new AppError("NOT_FOUND", "User not found");
      await endSessions({ userId }, tx);
      await recordAudit(tx, { actor, action: "user.password_reset", target: { type: "user", id: userId } });
    });
    return { userId };
  },
);
