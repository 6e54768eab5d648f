import "server-only";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import type { TLockedLead, TTx } from "@/lib/leads/lead-transaction";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { endLeadHolding } from "@/lib/leads/end-lead-holding";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLeadChange } from "@/lib/live/publish-lead-change";

/**
 * Reopens a locked lost lead after assertStep() gave `toStatus`: the manager's `reopen` returns it
 * to the pool unassigned; an approved request (`reopen_approve`) may give it back to the rep who
 * asked (`holder`, with the status the `assign` row gives, lib/requests/read-reopen-holder.ts
 * decides) and says where it went in `detail`. The old reason and rep stay in the event, so the
 * history still says why it was lost. A reopen request still open (the manager reopened directly)
 * is closed by endLeadHolding.
 */
export async function applyLeadReopen(
  tx: TTx,
  actor: { id: number; email: string },
  lead: TLockedLead,
  toStatus: TLeadStatus,
  request?: { requestId: number; requestedById: number; holder: { id: number; name: string } | null; detail: string },
): Promise<TLeadSnapshot> {
  const previous = await tx.salesLead.findUniqueOrThrow({ where: { id: lead.id }, select: { lostReason: true } });
  const holder = request?.holder ?? null;
  const updated = await tx.salesLead.update({
    where: { id: lead.id },
    data: {
      status: toStatus,
      assignedAdminId: holder?.id ?? null,
      assignedAt: holder ? new Date() : null,
      closedAt: null,
      lostReason: null,
      nextFollowUpAt: null,
    },
    select: LEAD_SNAPSHOT_SELECT,
  });
  const approval = request
    ? {
        request_id: request.requestId,
        requested_by_id: request.requestedById,
        ...(holder ? { to_admin_id: holder.id, to_admin_name: holder.name } : {}),
        detail: request.detail,
      }
    : {};
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
    after: { status: toStatus, assigned_admin_id: holder?.id ?? null, ...(request ? { request_id: request.requestId, requested_by_id: request.requestedById } : {}) },
  });
  await endLeadHolding(tx, lead.id, "reopened", actor, { exceptRequestId: request?.requestId });
  await publishLeadChange(tx, "lead.reopened", updated, { actorId: actor.id, previousAdminId: lead.assignedAdminId });
  return toLeadSnapshot(updated);
}
