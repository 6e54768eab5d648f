import "server-only";
import { z } from "zod";
import { ZLeadId } from "@/lib/leads/lead-input";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { leadTransaction, lockLead } from "@/lib/leads/lead-transaction";
import { assertStep } from "@/lib/leads/lead-rules";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLeadChange } from "@/lib/live/publish-lead-change";
import { command } from "@/lib/command";

export const ZReopenLead = z.object({ lead_id: ZLeadId });
export type TReopenLead = z.input<typeof ZReopenLead>;

/**
 * The manager's one way back from `lost`: the lead returns to the pool unassigned. The old reason
 * and rep stay in the event, so the history still says why it was lost.
 */
export const reopenLead = command(ZReopenLead, async (actor, data): Promise<TLeadSnapshot> => {
  const leadId = data.lead_id;

  return leadTransaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    const toStatus = assertStep(actor, "reopen", lead);
    const previous = await tx.salesLead.findUniqueOrThrow({
      where: { id: leadId },
      select: { lostReason: true },
    });
    const updated = await tx.salesLead.update({
      where: { id: leadId },
      data: {
        status: toStatus,
        assignedAdminId: null,
        assignedAt: null,
        closedAt: null,
        lostReason: null,
        nextFollowUpAt: null,
      },
      select: LEAD_SNAPSHOT_SELECT,
    });
    await recordLeadEvent(tx, {
      leadId,
      actorId: actor.id,
      type: "reopened",
      fromStatus: lead.status,
      toStatus,
      data: { previous_reason: previous.lostReason, previous_admin_id: lead.assignedAdminId },
    });
    await recordAudit(tx, {
      actor,
      action: "lead.reopened",
      target: { type: "lead", id: leadId },
      before: { status: lead.status, assigned_admin_id: lead.assignedAdminId, lost_reason: previous.lostReason },
      after: { status: toStatus, assigned_admin_id: null },
    });
    await publishLeadChange(tx, "lead.reopened", updated, { actorId: actor.id, previousAdminId: lead.assignedAdminId });
    return toLeadSnapshot(updated);
  });
});
