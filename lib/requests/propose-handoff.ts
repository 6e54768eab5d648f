import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { isManager } from "@/lib/auth/permissions";
import { command } from "@/lib/command";
import { zId, ZLeadId, zOptionalText, zRequiredText } from "@/lib/leads/lead-input";
import { assertStep } from "@/lib/leads/lead-rules";
import { leadTransaction, type TTx } from "@/lib/leads/lead-transaction";
import { lockRequestLead } from "@/lib/requests/lock-request-lead";
import { assertReceiverCovers, completeHandoff } from "@/lib/requests/complete-handoff";
import { activeManagerIds, recordRequestStep } from "@/lib/requests/record-request-step";
import { insertOpenRequest } from "@/lib/requests/insert-open-request";
import type { TRequestState } from "@/lib/requests/request-vocabulary";

export const ZProposeHandoff = z.object({
  lead_id: ZLeadId,
  to_admin_id: zId("to_admin_id"),
  reason: zRequiredText(500, "The reason", "Say why you hand this lead off"),
  // Strict territory mode only, and only a manager's: why the receiver may take a lead outside theirs.
  territory_override: zOptionalText(500, "The override reason"),
});
export type TProposeHandoff = z.input<typeof ZProposeHandoff>;

export type TRequestResult = { id: number; lead_id: number; kind: string; state: TRequestState };

async function readReceiver(tx: TTx, id: number) {
  const user = await tx.user.findUnique({ where: { id }, select: { id: true, name: true, active: true, role: true } });
  if (!user || !user.active || user.role !== "admin")
    throw new AppError("BAD_REQUEST", "Invalid input: to_admin_id — choose an active rep", [{ path: "to_admin_id", message: "Choose an active rep" }]);
  return user;
}

/**
 * The holder (or a manager) proposes handing an open lead to a named active rep, with a reason.
 * The company setting `handoffApproval` decides who must say yes: a rep's proposal waits for a
 * manager (then, in manager_and_receiver mode, for the receiver), or goes straight to the receiver
 * (receiver mode). A manager's own proposal counts as approved: it waits only for the receiver's
 * acceptance where the setting asks for it, else the lead changes hands at once — then, like a
 * reassignment, it closes another open request on the lead (cancelled: handed off another way).
 * One open request per lead: a second proposal that waits for someone, even one made at the same
 * moment, is a 409 (the partial unique index).
 */
export const proposeHandoff = command(ZProposeHandoff, async (actor, data): Promise<TRequestResult> => {
  return leadTransaction(async (tx) => {
    const { lead, rule, settings } = await lockRequestLead(tx, data.lead_id);
    const toStatus = assertStep(actor, "handoff_propose", rule);
    const receiver = await readReceiver(tx, data.to_admin_id);
    if (lead.assignedAdminId === receiver.id) throw new AppError("CONFLICT", `This lead is already ${receiver.name}'s.`);
    const manager = isManager(actor);
    if (data.territory_override && !manager)
      throw new AppError("FORBIDDEN", "Only a manager can override the territory rule.");
    await assertReceiverCovers(tx, settings, lead, receiver, data.territory_override);

    const mode = settings.handoffApproval;
    const needsApproval = !manager && mode !== "receiver";
    const needsAcceptance = mode !== "manager";
    const state: TRequestState = needsApproval ? "awaiting_approval" : needsAcceptance ? "awaiting_acceptance" : "done";
    const now = new Date();
    const request = await insertOpenRequest(tx, {
      leadId: lead.id,
      kind: "handoff",
      state,
      requesterId: actor.id,
      receiverId: receiver.id,
      reason: data.reason,
      territoryOverride: data.territory_override ?? null,
      payload: { from_admin_id: lead.assignedAdminId },
      ...(manager ? { approvedById: actor.id, approvedAt: now } : {}),
      ...(state === "done" ? { decidedById: actor.id, decidedAt: now } : {}),
    });
    const managers = needsApproval ? await activeManagerIds(tx) : [];
    await recordRequestStep(tx, actor, {
      type: "request_made",
      request: { id: request.id, kind: "handoff", leadId: lead.id },
      before: null,
      after: state,
      data: { to_admin_id: receiver.id, to_admin_name: receiver.name, reason: data.reason, territory_override: data.territory_override ?? null },
      tell: [...managers, receiver.id, lead.assignedAdminId],
      notice: {
        title: needsApproval ? "Handoff waiting for approval" : needsAcceptance ? "A lead is offered to you" : "A lead was handed to you",
        body: `${actor.name} → ${receiver.name}: ${data.reason}`,
      },
    });
    if (state === "done") await completeHandoff(tx, actor, lead, toStatus, { requestId: request.id, receiver, reason: data.reason });
    return { id: request.id, lead_id: lead.id, kind: "handoff", state };
  });
});
