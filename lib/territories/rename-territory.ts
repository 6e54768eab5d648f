import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DUPLICATE_NAME } from "@/lib/territories/create-territory";
import { ZId, ZTerritoryName } from "@/lib/territories/territory-schemas";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZRenameTerritory = z.object({ territoryId: ZId, name: ZTerritoryName });
export type TRenameTerritory = z.input<typeof ZRenameTerritory>;

export const renameTerritory = command(
  { input: ZRenameTerritory, may: "territories.manage" },
  async (actor, data) => {
    try {
      await db.$transaction(async (tx) => {
        const before = await tx.territory.findUnique({ where: { id: data.territoryId }, select: { name: true } });
        if (!before) throw new AppError("NOT_FOUND", "Territory not found");
        const updated = await tx.territory.updateMany({ where: { id: data.territoryId }, data: { name: data.name } });
        if (updated.count === 0) throw new AppError("NOT_FOUND", "Territory not found");
        await recordAudit(tx, { actor, action: "territory.changed", target: { type: "territory", id: data.territoryId }, before, after: { name: data.name } });
      });
    } catch (err) {
      if ((err as { code?: string }).code === "P2002") throw DUPLICATE_NAME;
      throw err;
    }
    return { id: data.territoryId, name: data.name };
  },
);
