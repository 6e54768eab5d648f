import "server-only";
import { db } from "@/lib/db";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { assertStep, SYSTEM_ACTOR } from "@/lib/leads/lead-rules";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { recordAudit } from "@/lib/audit/record-audit";
import { endLeadHolding } from "@/lib/leads/end-lead-holding";

const BATCH = 100;

/**
 * Auto-return (off by default, the manager's `autoReturnHours`): a lead claimed or assigned more
 * than that many hours ago whose holder has taken no action since (still `assigned`: the first
 * sales action or email moves it on) goes back to the pool, with a timeline entry and a notice to
 * the rep who held it. Each lead in its own transaction, re-checked under its row lock, so a rep
 * who acts at the last moment keeps the lead and two runners return it once. Nothing else ever
 * ends a lead: this only puts it back where anyone may claim it.
 */
export async function returnIdleLeads(now: Date = new Date()): Promise<{ returned: number[] }> {
  const { slaTimers } = await getCompanySettings();
  if (slaTimers.autoReturnHours === null) return { returned: [] };
  const hours = slaTimers.autoReturnHours;
  const cutoff = new Date(now.getTime() - hours * 3_600_000);
  const candidates = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM sales_leads WHERE status = 'assigned' AND assigned_at < ${cutoff} ORDER BY assigned_at LIMIT ${BATCH}`;
  const returned: number[] = [];
  for (const { id } of candidates) {
    const done = await db.$transaction(async (tx) => {
      const [lead] = await tx.$queryRaw<{ status: TLeadStatus; assigned_admin_id: number | null; assigned_at: Date | null; states: string[] }[]>`
        SELECT status::text AS status, assigned_admin_id, assigned_at, states FROM sales_leads WHERE id = ${id} FOR UPDATE`;
      if (!lead || lead.status !== "assigned" || !lead.assigned_at || lead.assigned_at >= cutoff) return false;
      const toStatus = assertStep(SYSTEM_ACTOR, "auto_return", { status: lead.status, assignedAdminId: lead.assigned_admin_id });
      await tx.salesLead.update({ where: { id }, data: { status: toStatus, assignedAdminId: null, assignedAt: null, nextFollowUpAt: null } });
      await recordLeadEvent(tx, {
        leadId: id,
        actorId: null,
        type: "auto_returned",
        fromStatus: lead.status,
        toStatus,
        data: { from_admin_id: lead.assigned_admin_id, idle_hours: hours },
      });
      // No person acted: the company's auto-return setting did (actor null, `auto` in after).
      await recordAudit(tx, {
        actor: null,
        action: "lead.released",
        target: { type: "lead", id },
        before: { status: lead.status, assigned_admin_id: lead.assigned_admin_id },
        after: { status: toStatus, assigned_admin_id: null, auto: true, idle_hours: hours },
      });
      await endLeadHolding(tx, id, "auto_returned", null);
      await publishLiveEvent(tx, { kind: "lead.released", leadId: id, states: lead.states, assignedAdminId: null, actorId: null });
      if (lead.assigned_admin_id !== null)
        await publishLiveEvent(tx, {
          kind: "user.notice",
          userId: lead.assigned_admin_id,
          leadId: id,
          title: "Lead returned to the pool",
          body: `No action was logged within ${hours} h of claiming it, so it is back in the pool for anyone to claim.`,
        });
      return true;
    });
    if (done) returned.push(id);
  }
  return { returned };
}
