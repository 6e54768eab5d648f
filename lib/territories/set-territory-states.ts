import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZId, ZStateList } from "@/lib/territories/territory-schemas";
import { command } from "@/lib/command";

export const ZSetTerritoryStates = z.object({ territoryId: ZId, states: ZStateList });
export type TSetTerritoryStates = z.input<typeof ZSetTerritoryStates>;

/** Replaces the territory's states with the given set (validated US codes). */
export const setTerritoryStates = command(
  { input: ZSetTerritoryStates, may: "territories.manage" },
  async (actor, data) => {
    const { territoryId, states } = data;
    const updated = await db.territory.updateMany({ where: { id: territoryId }, data: { states } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "Territory not found");
    return { id: territoryId, states };
  },
);
