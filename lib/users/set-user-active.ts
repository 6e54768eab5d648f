import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";

export const ZSetUserActive = z.object({
  userId: z.coerce.number().int().positive(),
  active: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});

/**
 * Activates or deactivates a user. Deactivation bumps token_version, so the user's live session
 * stops working on its next request (getActor compares the version).
 */
export async function setUserActive(actor: TActor, input: z.input<typeof ZSetUserActive>) {
  assertCan(actor, "users.manage");
  const parsed = ZSetUserActive.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { userId, active } = parsed.data;
  if (userId === actor.id && !active) throw new AppError("CONFLICT", "You cannot deactivate yourself");
  const updated = await db.user.updateMany({
    where: { id: userId },
    data: active ? { active } : { active, tokenVersion: { increment: 1 } },
  });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "User not found");
  return { userId, active };
}
