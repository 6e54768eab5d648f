import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";
import { DUPLICATE_NAME } from "@/lib/territories/create-territory";
import { ZId, ZTerritoryName } from "@/lib/territories/territory-schemas";

export const ZRenameTerritory = z.object({ territoryId: ZId, name: ZTerritoryName });
export type TRenameTerritory = z.input<typeof ZRenameTerritory>;

export async function renameTerritory(actor: TActor, input: TRenameTerritory) {
  assertCan(actor, "territories.manage");
  const parsed = ZRenameTerritory.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  try {
    const updated = await db.territory.updateMany({
      where: { id: parsed.data.territoryId },
      data: { name: parsed.data.name },
    });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "Territory not found");
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw DUPLICATE_NAME;
    throw err;
  }
  return { id: parsed.data.territoryId, name: parsed.data.name };
}
