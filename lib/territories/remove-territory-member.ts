import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { validationError } from "@/lib/errors";
import { ZTerritoryMember, type TTerritoryMember } from "@/lib/territories/add-territory-member";

/** Removes a rep from a territory; their leads stay theirs (membership only steers new work). */
export async function removeTerritoryMember(actor: TActor, input: TTerritoryMember) {
  assertCan(actor, "territories.manage");
  const parsed = ZTerritoryMember.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const removed = await db.territoryMember.deleteMany({ where: parsed.data });
  return { ...parsed.data, removed: removed.count };
}
