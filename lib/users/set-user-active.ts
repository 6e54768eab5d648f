import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";

export const ZSetUserActive = z.object({
  userId: z.coerce.number().int().positive(),
  active: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});

/**
 * Activates or deactivates a user. Deactivation bumps token_version, so the user's live session
 * stops working on its next request (getActor compares the version).
 */
export const setUserActive = command({ input: ZSetUserActive, may: "users.manage" }, async (actor, data) => {
  const { userId, active } = data;
  if (userId === actor.id && !active) throw new AppError("CONFLICT", "You cannot deactivate yourself");
  const updated = await db.user.updateMany({
    where: { id: userId },
    data: active ? { active } : { active, tokenVersion: { increment: 1 } },
  });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "User not found");
  return { userId, active };
});
