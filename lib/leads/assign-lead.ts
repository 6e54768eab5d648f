import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { zId, ZLeadId } from "@/lib/leads/lead-input";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { leadTransaction, lockLead } from "@/lib/leads/lead-transaction";
import { assertStep } from "@/lib/leads/lead-rules";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLeadChange } from "@/lib/live/publish-lead-change";
import { command } from "@/lib/command";
import { endLeadHolding } from "@/lib/leads/end-lead-holding";

export const ZAssignLead = z.object({ lead_id: ZLeadId, admin_id: zId("admin_id") });
export type TAssignLead = z.input<typeof ZAssignLead>;

/**
 * The manager gives a lead to any active team member: a pending lead, or one already held
 * (reassignment). Either way the new holder starts at `assigned`; their first sales action
 * moves it on, as for a claim.
 */
export const assignLead = command(ZAssignLead, async (actor, data): Promise<TLeadSnapshot> => {
  const { lead_id: leadId, admin_id: adminId } = data;

  return leadTransaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    const toStatus = assertStep(actor, "assign", lead);
    const target = await tx.user.findUnique({
      where: { id: adminId },
      select: { id: true, name: true, active: true },
    });
    if (!target || !target.active) {
      throw new AppError("BAD_REQUEST", "Invalid input: admin_id — choose an active team member", [
        { path: "admin_id", message: "Choose an active team member" },
      ]);
    }
    if (lead.assignedAdminId === target.id)
      throw new AppError("CONFLICT", `This lead is already assigned to ${target.name}.`);

    const updated = await tx.salesLead.update({
      where: { id: leadId },
      data: { status: toStatus, assignedAdminId: target.id, assignedAt: new Date() },
      select: LEAD_SNAPSHOT_SELECT,
    });
    await recordLeadEvent(tx, {
      leadId,
      actorId: actor.id,
      type: "assigned",
      fromStatus: lead.status,
      toStatus,
      data: { from_admin_id: lead.assignedAdminId, to_admin_id: target.id, to_admin_name: target.name },
    });
    // A reassignment: the old holder's sequence and open request end (a pool lead has neither).
    if (lead.assignedAdminId !== null) await endLeadHolding(tx, leadId, "reassigned", actor);
    await recordAudit(tx, {
      actor,
      action: lead.assignedAdminId === null ? "lead.assigned" : "lead.reassigned",
      target: { type: "lead", id: leadId },
      before: { status: lead.status, assigned_admin_id: lead.assignedAdminId },
      after: { status: toStatus, assigned_admin_id: target.id },
    });
    await publishLeadChange(tx, "lead.assigned", updated, { actorId: actor.id, previousAdminId: lead.assignedAdminId });
    return toLeadSnapshot(updated);
  });
});
