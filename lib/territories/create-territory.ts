import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZStateList, ZTerritoryName } from "@/lib/territories/territory-schemas";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZCreateTerritory = z.object({ name: ZTerritoryName, states: ZStateList });
export type TCreateTerritory = z.input<typeof ZCreateTerritory>;

export const DUPLICATE_NAME = new AppError("CONFLICT", "A territory with this name already exists", [
  { path: "name", message: "Already in use" },
]);

/** Manager only. A state may belong to several territories; names are unique. */
export const createTerritory = command(
  { input: ZCreateTerritory, may: "territories.manage" },
  async (actor, data) => {
    try {
      return await db.$transaction(async (tx) => {
        const created = await tx.territory.create({ data: data, select: { id: true, name: true, states: true } });
        await recordAudit(tx, { actor, action: "territory.created", target: { type: "territory", id: created.id }, after: { name: created.name, states: created.states } });
        return created;
      });
    } catch (err) {
      if ((err as { code?: string }).code === "P2002") throw DUPLICATE_NAME;
      throw err;
    }
  },
);
