import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DUPLICATE_NAME } from "@/lib/territories/create-territory";
import { ZId, ZTerritoryName } from "@/lib/territories/territory-schemas";
import { command } from "@/lib/command";

export const ZRenameTerritory = z.object({ territoryId: ZId, name: ZTerritoryName });
export type TRenameTerritory = z.input<typeof ZRenameTerritory>;

export const renameTerritory = command(
  { input: ZRenameTerritory, may: "territories.manage" },
  async (actor, data) => {
    try {
      const updated = await db.territory.updateMany({
        where: { id: data.territoryId },
        data: { name: data.name },
      });
      if (updated.count === 0) throw new AppError("NOT_FOUND", "Territory not found");
    } catch (err) {
      if ((err as { code?: string }).code === "P2002") throw DUPLICATE_NAME;
      throw err;
    }
    return { id: data.territoryId, name: data.name };
  },
);
