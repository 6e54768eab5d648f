import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZSetUserRole = z.object({
  userId: z.coerce.number().int().positive(),
  role: z.enum(["admin", "super_admin"], { error: "Choose rep or manager" }),
});

/**
 * Makes a user a rep or a manager. The new role applies on their next request (getActor re-reads
 * it). A manager cannot change their own role, so the team always keeps the one who changed it.
 */
export const setUserRole = command({ input: ZSetUserRole, may: "users.manage" }, async (actor, data) => {
  const { userId, role } = data;
  if (userId === actor.id) throw new AppError("CONFLICT", "You cannot change your own role");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw new AppError("NOT_FOUND", "User not found");
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, { actor, action: "user.role_changed", target: { type: "user", id: userId }, before, after: { role } });
    return { userId, role };
  });
});
