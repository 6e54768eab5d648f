import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword, ZPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";

export const ZResetUserPassword = z.object({
  userId: z.coerce.number().int().positive(),
  password: ZPassword,
});

/**
 * The manager sets a temporary password for someone who forgot theirs. Their open sessions end
 * (token_version bump): whoever knew the old password is out too.
 */
export const resetUserPassword = command(
  { input: ZResetUserPassword, may: "users.manage" },
  async (actor, data) => {
    const { userId, password } = data;
    if (userId === actor.id) throw new AppError("CONFLICT", "Change your own password under My account");
    const passwordHash = await hashPassword(password);
    const updated = await db.user.updateMany({
      where: { id: userId },
      data: { passwordHash, tokenVersion: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "User not found");
    return { userId };
  },
);
