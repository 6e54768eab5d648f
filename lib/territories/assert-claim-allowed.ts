import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isManager, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { coversLeadStates } from "@/lib/territories/covers-lead-states";

/**
 * Territory rule for a claim, run inside the claim's transaction so a settings or membership
 * change cannot slip between the check and the update. In `open` mode anyone may claim anything
 * (territory is only the pool's default order). In `strict` mode a rep may claim only a lead
 * touching at least one state of one of their territories; the manager always may.
 */
export async function assertClaimAllowed(
  tx: Prisma.TransactionClient,
  actor: TActor,
  lead: { id: number; states: string[]; status: string },
): Promise<void> {
  if (isManager(actor)) return;
  const { territoryMode } = await getCompanySettings(tx);
  if (territoryMode === "open") return;
  if (!(await coversLeadStates(tx, actor.id, lead.states))) {
    const states = lead.states.length ? lead.states.join(", ") : "no states";
    throw new AppError("FORBIDDEN", `This lead is outside your territories (${states})`);
  }
}
