import "server-only";
import { z } from "zod";
import { command } from "@/lib/command";
import { zId, zOptionalText } from "@/lib/leads/lead-input";
import { assertStep } from "@/lib/leads/lead-rules";
import { leadTransaction } from "@/lib/leads/lead-transaction";
import { lockDecidedRequest } from "@/lib/requests/lock-request-lead";
import { moveRequestState } from "@/lib/requests/move-request-state";
import { recordRequestStep } from "@/lib/requests/record-request-step";
import type { TRequestResult } from "@/lib/requests/propose-handoff";

export const ZDeclineLeadRequest = z.object({ request_id: zId("request_id"), note: zOptionalText(1000, "The note") });
export type TDeclineLeadRequest = z.input<typeof ZDeclineLeadRequest>;

/** A manager declines an open request, or the receiver a handoff offered to them. No reason needed; one given is kept. */
export const declineLeadRequest = command(ZDeclineLeadRequest, async (actor, data): Promise<TRequestResult> => {
  return leadTransaction(async (tx) => {
    const { lead, request, rule } = await lockDecidedRequest(tx, actor, data.request_id);
    assertStep(actor, "request_decline", rule);
    await moveRequestState(tx, request.id, request.state, "declined", { decidedById: actor.id, decidedAt: new Date(), decisionNote: data.note ?? null });
    await recordRequestStep(tx, actor, {
      type: "request_declined",
      request: { id: request.id, kind: request.kind, leadId: lead.id },
      before: request.state,
      after: "declined",
      data: { note: data.note ?? null },
      tell: [request.requesterId, request.receiverId],
      notice: { title: "Request declined", body: `${actor.name} declined it${data.note ? `: ${data.note}` : "."}` },
    });
    return { id: request.id, lead_id: lead.id, kind: request.kind, state: "declined" };
  });
});
