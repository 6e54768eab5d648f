import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZId } from "@/lib/territories/territory-schemas";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZDeleteTerritory = z.object({ territoryId: ZId });

/** Manager only. Memberships go with it (cascade); leads are untouched. */
export const deleteTerritory = command(
  { input: ZDeleteTerritory, may: "territories.manage" },
  async (actor, data) => {
    return db.$transaction(async (tx) => {
      const territory = await tx.territory.findUnique({
        where: { id: data.territoryId },
        select: { name: true, states: true, members: { select: { userId: true }, orderBy: { userId: "asc" } } },
      });
      if (!territory) throw new AppError("NOT_FOUND", "Territory not found");
      // Gone meanwhile (another manager's delete): the same 404, not a 500.
      const removed = await tx.territory.deleteMany({ where: { id: data.territoryId } });
      if (removed.count === 0) throw new AppError("NOT_FOUND", "Territory not found");
      await recordAudit(tx, {
        actor,
        action: "territory.deleted",
        target: { type: "territory", id: data.territoryId },
        before: { name: territory.name, states: territory.states, rep_ids: territory.members.map((m) => m.userId) },
      });
      return { id: data.territoryId };
    });
  },
);
