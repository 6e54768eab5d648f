import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZId } from "@/lib/territories/territory-schemas";
import { command } from "@/lib/command";

export const ZDeleteTerritory = z.object({ territoryId: ZId });

/** Manager only. Memberships go with it (cascade); leads are untouched. */
export const deleteTerritory = command(
  { input: ZDeleteTerritory, may: "territories.manage" },
  async (actor, data) => {
    const removed = await db.territory.deleteMany({ where: { id: data.territoryId } });
    if (removed.count === 0) throw new AppError("NOT_FOUND", "Territory not found");
    return { id: data.territoryId };
  },
);
