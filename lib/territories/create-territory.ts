import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";
import { ZStateList, ZTerritoryName } from "@/lib/territories/territory-schemas";

export const ZCreateTerritory = z.object({ name: ZTerritoryName, states: ZStateList });
export type TCreateTerritory = z.input<typeof ZCreateTerritory>;

export const DUPLICATE_NAME = new AppError("CONFLICT", "A territory with this name already exists", [
  { path: "name", message: "Already in use" },
]);

/** Manager only. A state may belong to several territories; names are unique. */
export async function createTerritory(actor: TActor, input: TCreateTerritory) {
  assertCan(actor, "territories.manage");
  const parsed = ZCreateTerritory.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  try {
    return await db.territory.create({ data: parsed.data, select: { id: true, name: true, states: true } });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw DUPLICATE_NAME;
    throw err;
  }
}
