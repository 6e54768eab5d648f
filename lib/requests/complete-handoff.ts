import "server-only";
import { AppError } from "@/lib/errors";
import type { TLockedLead, TTx } from "@/lib/leads/lead-transaction";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { LEAD_SNAPSHOT_SELECT } from "@/lib/leads/lead-snapshot";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLeadChange } from "@/lib/live/publish-lead-change";
import type { TCompanySettings } from "@/lib/kernel/company-settings";
import { coversLeadStates } from "@/lib/territories/covers-lead-states";
import { endLeadHolding } from "@/lib/leads/end-lead-holding";

/**
 * Strict territory mode: the receiver must work a territory touching one of the lead's states,
 * unless a manager overrode it with a reason (kept on the request). Checked when the handoff is
 * proposed and again when the lead changes hands (a territory may have changed in between).
 */
export async function assertReceiverCovers(
  tx: TTx,
  settings: TCompanySettings,
  lead: { states: string[] },
  receiver: { id: number; name: string },
  override: string | null | undefined,
): Promise<void> {
  if (settings.territoryMode !== "strict" || override) return;
  if (await coversLeadStates(tx, receiver.id, lead.states)) return;
  const states = lead.states.length ? lead.states.join(", ") : "no states";
  throw new AppError(
    "FORBIDDEN",
    `${receiver.name} does not cover this lead's states (${states}); in strict territory mode a manager must override with a reason.`,
  );
}

/**
 * The lead changes hands: the receiver holds it from now, with its whole history (events, actions,
 * emails stay on the lead), its status and its planned follow-up (the reminder job finds the new
 * holder when it fires). A call lock of the old holder ends. A running sequence enrolment stops
 * (reason `reassigned`): its emails went out as the old holder, so the new one decides whether to
 * enrol the lead again; the timeline says so. Another open request on the lead (the manager hands
 * it off directly while a rep's request waits) is closed as cancelled (endLeadHolding).
 */
export async function completeHandoff(
  tx: TTx,
  actor: { id: number; email: string },
  lead: TLockedLead,
  toStatus: TLeadStatus,
  handoff: { requestId: number; receiver: { id: number; name: string }; reason: string | null },
): Promise<void> {
  if (lead.assignedAdminId === handoff.receiver.id) throw new AppError("CONFLICT", `This lead is already ${handoff.receiver.name}'s.`);
  const updated = await tx.salesLead.update({
    where: { id: lead.id },
    data: {
      status: toStatus,
      assignedAdminId: handoff.receiver.id,
      assignedAt: new Date(),
      ...(lead.assignedAdminId !== null ? { callLockedById: null, callLockedUntil: null } : {}),
    },
    select: { ...LEAD_SNAPSHOT_SELECT, nextFollowUpAt: true },
  });
  const followUp = updated.nextFollowUpAt ? "Its follow-up moves with it." : "No follow-up was planned.";
  const { enrolmentsStopped: stopped } = await endLeadHolding(tx, lead.id, "handed_off", actor, { exceptRequestId: handoff.requestId });
  const sequences = stopped ? "Its sequence enrolment was stopped; the new holder may enrol it again." : "It was in no sequence.";
  await recordLeadEvent(tx, {
    leadId: lead.id,
    actorId: actor.id,
    type: "handed_off",
    // The status stays as it was (the timeline prints a move only when there is one).
    ...(toStatus !== lead.status ? { fromStatus: lead.status, toStatus } : {}),
    data: {
      request_id: handoff.requestId,
      from_admin_id: lead.assignedAdminId,
      to_admin_id: handoff.receiver.id,
      to_admin_name: handoff.receiver.name,
      reason: handoff.reason,
      detail: `History moves with the lead. ${followUp} ${sequences}`,
    },
  });
  await recordAudit(tx, {
    actor,
    action: "lead.handed_off",
    target: { type: "lead", id: lead.id },
    before: { status: lead.status, assigned_admin_id: lead.assignedAdminId },
    after: { status: toStatus, assigned_admin_id: handoff.receiver.id, request_id: handoff.requestId },
  });
  await publishLeadChange(tx, "lead.assigned", updated, { actorId: actor.id, previousAdminId: lead.assignedAdminId });
}
