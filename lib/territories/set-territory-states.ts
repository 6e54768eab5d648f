import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";
import { ZId, ZStateList } from "@/lib/territories/territory-schemas";

export const ZSetTerritoryStates = z.object({ territoryId: ZId, states: ZStateList });
export type TSetTerritoryStates = z.input<typeof ZSetTerritoryStates>;

/** Replaces the territory's states with the given set (validated US codes). */
export async function setTerritoryStates(actor: TActor, input: TSetTerritoryStates) {
  assertCan(actor, "territories.manage");
  const parsed = ZSetTerritoryStates.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { territoryId, states } = parsed.data;
  const updated = await db.territory.updateMany({ where: { id: territoryId }, data: { states } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "Territory not found");
  return { id: territoryId, states };
}
