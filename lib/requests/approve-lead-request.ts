import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";
import { zId, zOptionalText } from "@/lib/leads/lead-input";
import { assertStep, type TLeadStep } from "@/lib/leads/lead-rules";
import { leadTransaction } from "@/lib/leads/lead-transaction";
import { applyLeadLoss } from "@/lib/leads/apply-lead-loss";
import { applyLeadReopen } from "@/lib/leads/apply-lead-reopen";
import { lockDecidedRequest } from "@/lib/requests/lock-request-lead";
import { assertReceiverCovers, completeHandoff } from "@/lib/requests/complete-handoff";
import { readHandoffReceiver } from "@/lib/requests/read-handoff-receiver";
import { readReopenHolder } from "@/lib/requests/read-reopen-holder";
import { moveRequestState } from "@/lib/requests/move-request-state";
import { recordRequestStep } from "@/lib/requests/record-request-step";
import type { TRequestKind, TRequestState } from "@/lib/requests/request-vocabulary";
import type { TRequestResult } from "@/lib/requests/propose-handoff";

export const ZApproveLeadRequest = z.object({
  request_id: zId("request_id"),
  note: zOptionalText(1000, "The note"),
  // Strict territory mode: the manager's reason for a receiver outside the lead's states.
  territory_override: zOptionalText(500, "The override reason"),
});
export type TApproveLeadRequest = z.input<typeof ZApproveLeadRequest>;

const APPROVE_STEP: Record<TRequestKind, TLeadStep> = { handoff: "handoff_approve", lose: "lose_approve", reopen: "reopen_approve" };

/**
 * A manager approves a request waiting for approval (never their own: the lead rules' `approver`
 * scope). A handoff then waits for the receiver where the setting asks for it, or moves the lead;
 * an approved loss closes the lead; an approved reopen gives it back to the rep who asked when they
 * may hold it (readReopenHolder: then the `assign` row gives the status, as the manager assigning
 * it), otherwise to the pool; the timeline says which. A request decided
 * meanwhile in another tab (withdrawn, declined, approved) is a 409 and nothing changes.
 */
export const approveLeadRequest = command(ZApproveLeadRequest, async (actor, data): Promise<TRequestResult> => {
  return leadTransaction(async (tx) => {
    const { lead, request, rule, settings } = await lockDecidedRequest(tx, actor, data.request_id);
    const toStatus = assertStep(actor, APPROVE_STEP[request.kind], rule);
    if (request.state !== "awaiting_approval") throw new AppError("CONFLICT", "This handoff is approved already; it waits for the receiver.");
    const now = new Date();
    const decided = { decidedById: actor.id, decidedAt: now, decisionNote: data.note ?? null };
    const ref = { id: request.id, kind: request.kind, leadId: lead.id };
    const step = (after: TRequestState, tell: (number | null)[], title: string, more = "") =>
      recordRequestStep(tx, actor, {
        type: "request_approved",
        request: ref,
        before: request.state,
        after,
        data: { note: data.note ?? null, territory_override: data.territory_override ?? null },
        tell,
        notice: { title, body: `${actor.name} approved it${data.note ? `: ${data.note}` : "."}${more}` },
      });

    if (request.kind === "handoff") {
      const receiver = await readHandoffReceiver(tx, lead, request);
      const override = request.territoryOverride ?? data.territory_override ?? null;
      await assertReceiverCovers(tx, settings, lead, receiver, override);
      const after: TRequestState = settings.handoffApproval === "manager" ? "done" : "awaiting_acceptance";
      await moveRequestState(tx, request.id, "awaiting_approval", after, {
        approvedById: actor.id,
        approvedAt: now,
        territoryOverride: override,
        ...(after === "done" ? decided : { decisionNote: data.note ?? null }),
      });
      await step(after, [request.requesterId, receiver.id, lead.assignedAdminId], after === "done" ? "Handoff approved" : "Handoff approved: waiting for the receiver");
      if (after === "done") await completeHandoff(tx, actor, lead, toStatus, { requestId: request.id, receiver, reason: request.reason });
      return { id: request.id, lead_id: lead.id, kind: request.kind, state: after };
    }

    await moveRequestState(tx, request.id, "awaiting_approval", "done", { approvedById: actor.id, approvedAt: now, ...decided });
    if (request.kind === "lose") {
      await step("done", [request.requesterId], "Loss approved");
      const notes = typeof request.payload.notes === "string" ? request.payload.notes : null;
      await applyLeadLoss(tx, actor, lead, toStatus, { reason: request.reason ?? "", notes, requestId: request.id, requestedById: request.requesterId });
    } else {
      const back = await readReopenHolder(tx, settings, lead, request.requesterId);
      // Back to the rep: the reopen (to the pool) and then the manager's assign, both rows of the table.
      const status = back.holder ? assertStep(actor, "assign", { status: toStatus, assignedAdminId: null }) : toStatus;
      await step("done", [request.requesterId], "Reopen approved", ` ${back.detail}`);
      await applyLeadReopen(tx, actor, lead, status, { requestId: request.id, requestedById: request.requesterId, ...back });
    }
    return { id: request.id, lead_id: lead.id, kind: request.kind, state: "done" };
  });
});
