import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZId } from "@/lib/territories/territory-schemas";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZTerritoryMember = z.object({ territoryId: ZId, userId: ZId });
export type TTerritoryMember = z.input<typeof ZTerritoryMember>;

/** Adds an active rep to a territory; adding one already there is a no-op, not an error. */
export const addTerritoryMember = command(
  { input: ZTerritoryMember, may: "territories.manage" },
  async (actor, data) => {
    const { territoryId, userId } = data;
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
      // Already a member: nothing changes, so nothing is recorded.
      const added = await tx.territoryMember.createMany({ data: [{ territoryId, userId }], skipDuplicates: true });
      if (added.count > 0)
        await recordAudit(tx, { actor, action: "territory.rep_added", target: { type: "territory", id: territoryId }, after: { user_id: userId } });
      return { territoryId, userId };
    });
  },
);
