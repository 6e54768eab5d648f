import "server-only";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import type { TLockedLead, TTx } from "@/lib/leads/lead-transaction";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLeadChange } from "@/lib/live/publish-lead-change";

/**
 * Returns a locked lost lead to the pool unassigned, after assertStep() gave `toStatus` ("reopen",
 * or "reopen_approve" for an approved request). The old reason and rep stay in the event, so the
 * history still says why it was lost.
 */
export async function applyLeadReopen(
  tx: TTx,
  actor: { id: number; email: string },
  lead: TLockedLead,
  toStatus: TLeadStatus,
  request?: { requestId: number; requestedById: number },
): Promise<TLeadSnapshot> {
  const previous = await tx.salesLead.findUniqueOrThrow({ where: { id: lead.id }, select: { lostReason: true } });
  const updated = await tx.salesLead.update({
    where: { id: lead.id },
    data: { status: toStatus, assignedAdminId: null, assignedAt: null, closedAt: null, lostReason: null, nextFollowUpAt: null },
    select: LEAD_SNAPSHOT_SELECT,
  });
  const approval = request ? { request_id: request.requestId, requested_by_id: request.requestedById } : {};
  await recordLeadEvent(tx, {
    leadId: lead.id,
    actorId: actor.id,
    type: "reopened",
    fromStatus: lead.status,
    toStatus,
    data: { previous_reason: previous.lostReason, previous_admin_id: lead.assignedAdminId, ...approval },
  });
  await recordAudit(tx, {
    actor,
    action: "lead.reopened",
    target: { type: "lead", id: lead.id },
    before: { status: lead.status, assigned_admin_id: lead.assignedAdminId, lost_reason: previous.lostReason },
    after: { status: toStatus, assigned_admin_id: null, ...approval },
  });
  await publishLeadChange(tx, "lead.reopened", updated, { actorId: actor.id, previousAdminId: lead.assignedAdminId });
  return toLeadSnapshot(updated);
}
