import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";
import { ZId } from "@/lib/territories/territory-schemas";

export const ZDeleteTerritory = z.object({ territoryId: ZId });

/** Manager only. Memberships go with it (cascade); leads are untouched. */
export async function deleteTerritory(actor: TActor, input: z.input<typeof ZDeleteTerritory>) {
  assertCan(actor, "territories.manage");
  const parsed = ZDeleteTerritory.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const removed = await db.territory.deleteMany({ where: { id: parsed.data.territoryId } });
  if (removed.count === 0) throw new AppError("NOT_FOUND", "Territory not found");
  return { id: parsed.data.territoryId };
}
