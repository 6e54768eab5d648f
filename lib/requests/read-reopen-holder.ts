import "server-only";
import type { TTx } from "@/lib/leads/lead-transaction";
import type { TCompanySettings } from "@/lib/kernel/company-settings";
import { coversLeadStates } from "@/lib/territories/covers-lead-states";

export type TReopenHolder = {
  /** Who holds the reopened lead: the rep who asked, or null for the pool. */
  holder: { id: number; name: string } | null;
  /** The timeline's and the notice's sentence: where the lead went, and why not to the rep. */
  detail: string;
};

/**
 * Where an approved reopen sends the lead: back to the rep who asked when they may hold it (an
 * active rep and, in strict territory mode, working a territory touching one of the lead's
 * states — the claim's own test, coversLeadStates), otherwise to the pool for anyone to claim.
 */
export async function readReopenHolder(
  tx: TTx,
  settings: Pick<TCompanySettings, "territoryMode">,
  lead: { states: string[] },
  requesterId: number,
): Promise<TReopenHolder> {
  const rep = await tx.user.findUnique({ where: { id: requesterId }, select: { id: true, name: true, active: true, role: true } });
  if (!rep || !rep.active || rep.role !== "admin")
    return { holder: null, detail: `Back in the pool: ${rep?.name ?? "the rep who asked"} is no longer an active rep.` };
  if (settings.territoryMode === "strict" && !(await coversLeadStates(tx, rep.id, lead.states))) {
    const states = lead.states.length ? lead.states.join(", ") : "no states";
    return { holder: null, detail: `Back in the pool: in strict territory mode ${rep.name} does not cover its states (${states}).` };
  }
  return { holder: { id: rep.id, name: rep.name }, detail: `Back to ${rep.name}, who asked to reopen it.` };
}
