import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";
import { zId, zOptionalText } from "@/lib/leads/lead-input";
import { assertStep } from "@/lib/leads/lead-rules";
import { leadTransaction } from "@/lib/leads/lead-transaction";
import { lockDecidedRequest } from "@/lib/requests/lock-request-lead";
import { assertReceiverCovers, completeHandoff } from "@/lib/requests/complete-handoff";
import { readHandoffReceiver } from "@/lib/requests/read-handoff-receiver";
import { moveRequestState } from "@/lib/requests/move-request-state";
import { recordRequestStep } from "@/lib/requests/record-request-step";
import type { TRequestResult } from "@/lib/requests/propose-handoff";

export const ZAcceptHandoff = z.object({ request_id: zId("request_id"), note: zOptionalText(1000, "The note") });
export type TAcceptHandoff = z.input<typeof ZAcceptHandoff>;

/** The receiver accepts a handoff offered to them (receiver or manager_and_receiver mode): the lead is theirs. */
export const acceptHandoff = command(ZAcceptHandoff, async (actor, data): Promise<TRequestResult> => {
  return leadTransaction(async (tx) => {
    const { lead, request, rule, settings } = await lockDecidedRequest(tx, actor, data.request_id);
    if (request.kind !== "handoff") throw new AppError("CONFLICT", "Only a handoff is accepted; this request waits for a manager.");
    const toStatus = assertStep(actor, "handoff_accept", rule);
    if (request.state !== "awaiting_acceptance") throw new AppError("CONFLICT", "This handoff still waits for a manager's approval.");
    const receiver = await readHandoffReceiver(tx, lead, request);
    await assertReceiverCovers(tx, settings, lead, receiver, request.territoryOverride);
    await moveRequestState(tx, request.id, "awaiting_acceptance", "done", { decidedById: actor.id, decidedAt: new Date(), decisionNote: data.note ?? null });
    await recordRequestStep(tx, actor, {
      type: "request_accepted",
      request: { id: request.id, kind: "handoff", leadId: lead.id },
      before: "awaiting_acceptance",
      after: "done",
      data: { note: data.note ?? null },
      tell: [request.requesterId, lead.assignedAdminId],
      notice: { title: "Handoff accepted", body: `${actor.name} took the lead${data.note ? `: ${data.note}` : "."}` },
    });
    await completeHandoff(tx, actor, lead, toStatus, { requestId: request.id, receiver, reason: request.reason });
    return { id: request.id, lead_id: lead.id, kind: "handoff", state: "done" };
  });
});
