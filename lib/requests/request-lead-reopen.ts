import "server-only";
import { z } from "zod";
import { command } from "@/lib/command";
import { ZLeadId, zOptionalText } from "@/lib/leads/lead-input";
import { assertStep } from "@/lib/leads/lead-rules";
import { leadTransaction } from "@/lib/leads/lead-transaction";
import { lockRequestLead } from "@/lib/requests/lock-request-lead";
import { activeManagerIds, recordRequestStep } from "@/lib/requests/record-request-step";
import { insertOpenRequest } from "@/lib/requests/insert-open-request";
import type { TRequestResult } from "@/lib/requests/propose-handoff";

export const ZRequestLeadReopen = z.object({ lead_id: ZLeadId, reason: zOptionalText(500, "The reason") });
export type TRequestLeadReopen = z.input<typeof ZRequestLeadReopen>;

/**
 * With the company's reopen-approval switch on, the rep who lost a lead asks to reopen it (the
 * `reopen_request` row); a manager's approval is the manager's reopen (back to the pool).
 */
export const requestLeadReopen = command(ZRequestLeadReopen, async (actor, data): Promise<TRequestResult> => {
  return leadTransaction(async (tx) => {
    const { lead, rule } = await lockRequestLead(tx, data.lead_id);
    assertStep(actor, "reopen_request", rule);
    const request = await insertOpenRequest(tx, {
      leadId: lead.id,
      kind: "reopen",
      state: "awaiting_approval",
      requesterId: actor.id,
      reason: data.reason ?? null,
    });
    await recordRequestStep(tx, actor, {
      type: "request_made",
      request: { id: request.id, kind: "reopen", leadId: lead.id },
      before: null,
      after: "awaiting_approval",
      data: { reason: data.reason ?? null },
      tell: await activeManagerIds(tx),
      notice: { title: "Reopen waiting for approval", body: `${actor.name}${data.reason ? `: ${data.reason}` : ""}` },
    });
    return { id: request.id, lead_id: lead.id, kind: "reopen", state: "awaiting_approval" };
  });
});
