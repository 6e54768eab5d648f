import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";
import { ZId } from "@/lib/territories/territory-schemas";

export const ZTerritoryMember = z.object({ territoryId: ZId, userId: ZId });
export type TTerritoryMember = z.input<typeof ZTerritoryMember>;

/** Adds an active rep to a territory; adding one already there is a no-op, not an error. */
export async function addTerritoryMember(actor: TActor, input: TTerritoryMember) {
  assertCan(actor, "territories.manage");
  const parsed = ZTerritoryMember.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { territoryId, userId } = parsed.data;
  return db.$transaction(async (tx) => {
    const territory = await tx.territory.findUnique({ where: { id: territoryId }, select: { id: true } });
    if (!territory) throw new AppError("NOT_FOUND", "Territory not found");
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
    if (!user)
      throw new AppError("NOT_FOUND", "User not found", [{ path: "userId", message: "No such user" }]);
    if (user.role !== "admin" || !user.active)
      throw new AppError("BAD_REQUEST", "Only active reps work territories", [
        { path: "userId", message: "Pick an active rep" },
      ]);
    await tx.territoryMember.upsert({
      where: { territoryId_userId: { territoryId, userId } },
      create: { territoryId, userId },
      update: {},
    });
    return { territoryId, userId };
  });
}
