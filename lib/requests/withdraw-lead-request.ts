import "server-only";
import { z } from "zod";
import { command } from "@/lib/command";
import { zId, zOptionalText } from "@/lib/leads/lead-input";
import { assertStep } from "@/lib/leads/lead-rules";
import { leadTransaction } from "@/lib/leads/lead-transaction";
import { lockDecidedRequest } from "@/lib/requests/lock-request-lead";
import { moveRequestState } from "@/lib/requests/move-request-state";
import { activeManagerIds, recordRequestStep } from "@/lib/requests/record-request-step";
import type { TRequestResult } from "@/lib/requests/propose-handoff";

export const ZWithdrawLeadRequest = z.object({ request_id: zId("request_id"), note: zOptionalText(1000, "The note") });
export type TWithdrawLeadRequest = z.input<typeof ZWithdrawLeadRequest>;

/** Whoever asked takes an open request back. No reason needed; one given is kept. */
export const withdrawLeadRequest = command(ZWithdrawLeadRequest, async (actor, data): Promise<TRequestResult> => {
  return leadTransaction(async (tx) => {
    const { lead, request, rule } = await lockDecidedRequest(tx, actor, data.request_id);
    assertStep(actor, "request_withdraw", rule);
    await moveRequestState(tx, request.id, request.state, "withdrawn", { decidedById: actor.id, decidedAt: new Date(), decisionNote: data.note ?? null });
    const managers = request.state === "awaiting_approval" ? await activeManagerIds(tx) : [];
    await recordRequestStep(tx, actor, {
      type: "request_withdrawn",
      request: { id: request.id, kind: request.kind, leadId: lead.id },
      before: request.state,
      after: "withdrawn",
      data: { note: data.note ?? null },
      tell: [...managers, request.receiverId],
      notice: { title: "Request withdrawn", body: `${actor.name} withdrew it${data.note ? `: ${data.note}` : "."}` },
    });
    return { id: request.id, lead_id: lead.id, kind: request.kind, state: "withdrawn" };
  });
});
