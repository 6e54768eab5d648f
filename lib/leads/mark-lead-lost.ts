import "server-only";
import { z } from "zod";
import { ZLeadId, zOptionalText, zRequiredText } from "@/lib/leads/lead-input";
import type { TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { leadTransaction } from "@/lib/leads/lead-transaction";
import { assertStep } from "@/lib/leads/lead-rules";
import { applyLeadLoss } from "@/lib/leads/apply-lead-loss";
import { lockRequestLead } from "@/lib/requests/lock-request-lead";
import { command } from "@/lib/command";

export const ZMarkLeadLost = z.object({
  lead_id: ZLeadId,
  reason: zRequiredText(500, "The reason", "Give a reason"),
  notes: zOptionalText(5000, "Notes"),
});
export type TMarkLeadLost = z.input<typeof ZMarkLeadLost>;

/**
 * Closes a lead as lost, with the reason the reports group by. Only a manager's reopen undoes it.
 * Over the company's approval amount a rep's loss is refused (the `lose` row's gate): they ask
 * with requestLeadLoss() and a manager's approval closes it.
 */
export const markLeadLost = command(ZMarkLeadLost, async (actor, data): Promise<TLeadSnapshot> => {
  const { lead_id: leadId, reason, notes } = data;

  return leadTransaction(async (tx) => {
    const { lead, rule } = await lockRequestLead(tx, leadId);
    const toStatus = assertStep(actor, "lose", rule);
    return applyLeadLoss(tx, actor, lead, toStatus, { reason, notes });
  });
});
