import "server-only";
import { db } from "@/lib/db";
import { ZTerritoryMember } from "@/lib/territories/add-territory-member";
import { command } from "@/lib/command";

/** Removes a rep from a territory; their leads stay theirs (membership only steers new work). */
export const removeTerritoryMember = command(
  { input: ZTerritoryMember, may: "territories.manage" },
  async (actor, data) => {
    const removed = await db.territoryMember.deleteMany({ where: data });
    return { ...data, removed: removed.count };
  },
);
