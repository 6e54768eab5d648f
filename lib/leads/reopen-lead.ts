import "server-only";
import { z } from "zod";
import { ZLeadId } from "@/lib/leads/lead-input";
import type { TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { leadTransaction, lockLead } from "@/lib/leads/lead-transaction";
import { assertStep } from "@/lib/leads/lead-rules";
import { applyLeadReopen } from "@/lib/leads/apply-lead-reopen";
import { command } from "@/lib/command";

export const ZReopenLead = z.object({ lead_id: ZLeadId });
export type TReopenLead = z.input<typeof ZReopenLead>;

/**
 * The manager's one way back from `lost`: the lead returns to the pool unassigned (a rep may ask
 * for it when the company's reopen-approval switch is on: lib/requests/request-lead-reopen.ts).
 */
export const reopenLead = command(ZReopenLead, async (actor, data): Promise<TLeadSnapshot> => {
  return leadTransaction(async (tx) => {
    const lead = await lockLead(tx, data.lead_id);
    const toStatus = assertStep(actor, "reopen", lead);
    return applyLeadReopen(tx, actor, lead, toStatus);
  });
});
