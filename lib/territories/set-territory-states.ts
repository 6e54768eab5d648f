import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZId, ZStateList } from "@/lib/territories/territory-schemas";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZSetTerritoryStates = z.object({ territoryId: ZId, states: ZStateList });
export type TSetTerritoryStates = z.input<typeof ZSetTerritoryStates>;

/** Replaces the territory's states with the given set (validated US codes). */
export const setTerritoryStates = command(
  { input: ZSetTerritoryStates, may: "territories.manage" },
  async (actor, data) => {
    const { territoryId, states } = data;
    return db.$transaction(async (tx) => {
      const before = await tx.territory.findUnique({ where: { id: territoryId }, select: { states: true } });
      if (!before) throw new AppError("NOT_FOUND", "Territory not found");
      const updated = await tx.territory.updateMany({ where: { id: territoryId }, data: { states } });
      if (updated.count === 0) throw new AppError("NOT_FOUND", "Territory not found");
      await recordAudit(tx, { actor, action: "territory.changed", target: { type: "territory", id: territoryId }, before, after: { states } });
      return { id: territoryId, states };
    });
  },
);
