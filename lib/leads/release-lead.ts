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
import { endLeadHolding } from "@/lib/leads/end-lead-holding";

export const ZReleaseLead = z.object({ lead_id: ZLeadId });
export type TReleaseLead = z.input<typeof ZReleaseLead>;

/** Gives a held lead back to the pool: its rep (their own) or the manager (any). */
export const releaseLead = command(ZReleaseLead, async (actor, data): Promise<TLeadSnapshot> => {
  const leadId = data.lead_id;

  return leadTransaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    const toStatus = assertStep(actor, "release", lead);
    // The follow-up was the releasing rep's plan; the next one makes their own.
    const updated = await tx.salesLead.update({
      where: { id: leadId },
      data: { status: toStatus, assignedAdminId: null, assignedAt: null, nextFollowUpAt: null },
      select: LEAD_SNAPSHOT_SELECT,
    });
    await recordLeadEvent(tx, {
      leadId,
      actorId: actor.id,
      type: "released",
      fromStatus: lead.status,
      toStatus,
      data: { from_admin_id: lead.assignedAdminId },
    });
    await endLeadHolding(tx, leadId, "released", actor);
    await recordAudit(tx, {
      actor,
      action: "lead.released",
      target: { type: "lead", id: leadId },
      before: { status: lead.status, assigned_admin_id: lead.assignedAdminId },
      after: { status: toStatus, assigned_admin_id: null },
    });
    await publishLeadChange(tx, "lead.released", updated, { actorId: actor.id, previousAdminId: lead.assignedAdminId });
    return toLeadSnapshot(updated);
  });
});
