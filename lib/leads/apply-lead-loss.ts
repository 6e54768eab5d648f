import "server-only";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import type { TLockedLead, TTx } from "@/lib/leads/lead-transaction";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLeadChange } from "@/lib/live/publish-lead-change";
import { endLeadHolding } from "@/lib/leads/end-lead-holding";

/**
 * Closes a locked lead as lost, after assertStep() gave `toStatus` ("lose", or "lose_approve" when a
 * manager approves a rep's request: then `requestId` and the rep who asked are recorded too).
 * The one writer of a loss, so a direct loss and an approved one leave the same trail.
 */
export async function applyLeadLoss(
  tx: TTx,
  actor: { id: number; email: string },
  lead: TLockedLead,
  toStatus: TLeadStatus,
  loss: { reason: string; notes?: string | null; requestId?: number; requestedById?: number },
): Promise<TLeadSnapshot> {
  const updated = await tx.salesLead.update({
    where: { id: lead.id },
    data: { status: toStatus, lostReason: loss.reason, closedAt: new Date(), nextFollowUpAt: null },
    select: LEAD_SNAPSHOT_SELECT,
  });
  const approval = loss.requestId ? { request_id: loss.requestId, requested_by_id: loss.requestedById ?? null } : {};
  await recordLeadEvent(tx, {
    leadId: lead.id,
    actorId: actor.id,
    type: "lost",
    fromStatus: lead.status,
    toStatus,
    data: { reason: loss.reason, notes: loss.notes ?? null, admin_id: lead.assignedAdminId, ...approval },
  });
  await recordAudit(tx, {
    actor,
    action: "lead.lost",
    target: { type: "lead", id: lead.id },
    before: { status: lead.status, assigned_admin_id: lead.assignedAdminId },
    after: { status: toStatus, lost_reason: loss.reason, ...approval },
  });
  // An approved loss is `done` already; any other open request on the lead closes with it.
  await endLeadHolding(tx, lead.id, "lost", actor, { exceptRequestId: loss.requestId });
  await publishLeadChange(tx, "lead.lost", updated, { actorId: actor.id });
  return toLeadSnapshot(updated);
}
