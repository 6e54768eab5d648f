import "server-only";
import { z } from "zod";
import { command } from "@/lib/command";
import { ZMarkLeadLost } from "@/lib/leads/mark-lead-lost";
import { assertStep } from "@/lib/leads/lead-rules";
import { leadTransaction } from "@/lib/leads/lead-transaction";
import { lockRequestLead } from "@/lib/requests/lock-request-lead";
import { activeManagerIds, recordRequestStep } from "@/lib/requests/record-request-step";
import { insertOpenRequest } from "@/lib/requests/insert-open-request";
import type { TRequestResult } from "@/lib/requests/propose-handoff";

// The same fields as marking lost directly: the approval applies them as given.
export const ZRequestLeadLoss = ZMarkLeadLost;
export type TRequestLeadLoss = z.input<typeof ZRequestLeadLoss>;

/**
 * A rep asks to mark their lead lost when its value is over the company's approval amount (the
 * `lose_request` row opens only then); a manager's approval closes it with this reason and notes.
 */
export const requestLeadLoss = command(ZRequestLeadLoss, async (actor, data): Promise<TRequestResult> => {
  return leadTransaction(async (tx) => {
    const { lead, rule } = await lockRequestLead(tx, data.lead_id);
    assertStep(actor, "lose_request", rule);
    const request = await insertOpenRequest(tx, {
      leadId: lead.id,
      kind: "lose",
      state: "awaiting_approval",
      requesterId: actor.id,
      reason: data.reason,
      payload: { notes: data.notes ?? null },
    });
    await recordRequestStep(tx, actor, {
      type: "request_made",
      request: { id: request.id, kind: "lose", leadId: lead.id },
      before: null,
      after: "awaiting_approval",
      data: { reason: data.reason, notes: data.notes ?? null },
      tell: await activeManagerIds(tx),
      notice: { title: "Loss waiting for approval", body: `${actor.name}: ${data.reason}` },
    });
    return { id: request.id, lead_id: lead.id, kind: "lose", state: "awaiting_approval" };
  });
});
