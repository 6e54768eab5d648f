import "server-only";
import { z } from "zod";
import { ZLeadId, zOptionalText, zRequiredText } from "@/lib/leads/lead-input";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { leadTransaction, lockLead } from "@/lib/leads/lead-transaction";
import { assertStep } from "@/lib/leads/lead-rules";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLeadChange } from "@/lib/live/publish-lead-change";
import { command } from "@/lib/command";
import { stopLeadEnrolments } from "@/lib/sequences/stop-lead-enrolments";

export const ZMarkLeadLost = z.object({
  lead_id: ZLeadId,
  reason: zRequiredText(500, "The reason", "Give a reason"),
  notes: zOptionalText(5000, "Notes"),
});
export type TMarkLeadLost = z.input<typeof ZMarkLeadLost>;

/** Closes a lead as lost, with the reason the reports group by. Only a manager's reopen undoes it. */
export const markLeadLost = command(ZMarkLeadLost, async (actor, data): Promise<TLeadSnapshot> => {
  const { lead_id: leadId, reason, notes } = data;

  return leadTransaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    const toStatus = assertStep(actor, "lose", lead);
    const updated = await tx.salesLead.update({
      where: { id: leadId },
      data: { status: toStatus, lostReason: reason, closedAt: new Date(), nextFollowUpAt: null },
      select: LEAD_SNAPSHOT_SELECT,
    });
    await stopLeadEnrolments(tx, leadId, "lost", actor.id);
    await recordLeadEvent(tx, {
      leadId,
      actorId: actor.id,
      type: "lost",
      fromStatus: lead.status,
      toStatus,
      data: { reason, notes: notes ?? null, admin_id: lead.assignedAdminId },
    });
    await recordAudit(tx, {
      actor,
      action: "lead.lost",
      target: { type: "lead", id: leadId },
      before: { status: lead.status, assigned_admin_id: lead.assignedAdminId },
      after: { status: toStatus, lost_reason: reason },
    });
    await publishLeadChange(tx, "lead.lost", updated, { actorId: actor.id });
    return toLeadSnapshot(updated);
  });
});
