import "server-only";
import { db } from "@/lib/db";
import { ZTerritoryMember } from "@/lib/territories/add-territory-member";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";

/** Removes a rep from a territory; their leads stay theirs (membership only steers new work). */
export const removeTerritoryMember = command(
  { input: ZTerritoryMember, may: "territories.manage" },
  async (actor, data) => {
    return db.$transaction(async (tx) => {
      const removed = await tx.territoryMember.deleteMany({ where: data });
      if (removed.count > 0)
        await recordAudit(tx, { actor, action: "territory.rep_removed", target: { type: "territory", id: data.territoryId }, before: { user_id: data.userId } });
      return { ...data, removed: removed.count };
    });
  },
);
