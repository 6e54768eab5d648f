import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { awayNowSql } from "@/lib/away/away-sql";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLeadChange } from "@/lib/live/publish-lead-change";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { systemStepTarget } from "@/lib/leads/lead-rules";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";

// One system-wide advisory lock key: auto-assignments are rare and quick, and serialising them
// is what makes "whose turn is it" safe when many leads arrive at once.
const AUTO_ASSIGN_LOCK = 0x70_69_6c_6f; // "pilo"

export type TAutoAssignResult = { leadId: number; userId: number; userName: string } | null;

/**
 * Gives a new pending lead to the next rep in turn when the manager turned auto-assignment on
 * (settings 'auto_assign' = {enabled, cap}); otherwise leaves it in the pool (first come, first
 * served). Candidates: active reps of every territory sharing a state with the lead, skipping
 * reps whose open leads (assigned or in progress) already reach the cap. Turn order is round
 * robin: the candidate whose last automatic assignment is oldest (never first; ties by user id).
 * Call inside the transaction that created the lead; returns who got it, or null.
 */
export async function autoAssignLead(
  tx: Prisma.TransactionClient,
  leadId: number,
): Promise<TAutoAssignResult> {
  const { autoAssign } = await getCompanySettings(tx);
  if (!autoAssign.enabled) return null;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUTO_ASSIGN_LOCK}::int)`;
  const [lead] = await tx.$queryRaw<
    { id: number; states: string[]; status: TLeadStatus; assigned_admin_id: number | null }[]
  >`
    SELECT id, states, status::text AS status, assigned_admin_id FROM sales_leads
    WHERE id = ${leadId}
    FOR UPDATE`;
  // The lead rules decide whether the system may hand this lead out (a pool lead only).
  const toStatus = lead && systemStepTarget("auto_assign", { status: lead.status, assignedAdminId: lead.assigned_admin_id });
  if (!lead || !toStatus || lead.states.length === 0) return null;
  // The last automatic assignment per rep is read from the lead timeline by event id (ids are
  // handed out in commit order under the lock; timestamps can tie within a millisecond).
  const [pick] = await tx.$queryRaw<{ id: number; name: string }[]>`
    WITH candidates AS (
      SELECT DISTINCT u.id, u.name
      FROM territories t
      JOIN territory_members m ON m.territory_id = t.id
      JOIN users u ON u.id = m.user_id
      WHERE t.states && ${lead.states}::text[] AND u.active AND u.role = 'admin'
        -- a rep away now gets no new leads (their cover works their follow-ups, lib/away/)
        AND NOT ${awayNowSql(Prisma.sql`u.id`)}
    )
    SELECT c.id, c.name
    FROM candidates c
    WHERE (SELECT count(*) FROM sales_leads l
           WHERE l.assigned_admin_id = c.id AND l.status IN ('assigned', 'in_progress')) < ${autoAssign.cap}
    ORDER BY (SELECT max(e.id) FROM lead_events e
              WHERE e.type = 'assigned' AND e.data @> jsonb_build_object('auto', true, 'to', c.id)) ASC NULLS FIRST,
             c.id
    LIMIT 1`;
  if (!pick) return null;
  await tx.salesLead.update({
    where: { id: lead.id },
    data: { status: toStatus, assignedAdminId: pick.id, assignedAt: new Date() },
  });
  await recordLeadEvent(tx, {
    leadId: lead.id,
    actorId: null,
    type: "assigned",
    fromStatus: lead.status,
    toStatus,
    data: { auto: true, to: pick.id, toName: pick.name },
  });
  // No person acted: the company's auto-assignment setting did (actor null, `auto` in after).
  await recordAudit(tx, {
    actor: null,
    action: "lead.assigned",
    target: { type: "lead", id: lead.id },
    before: { status: lead.status, assigned_admin_id: null },
    after: { status: toStatus, assigned_admin_id: pick.id, auto: true },
  });
  await publishLeadChange(tx, "lead.assigned", { id: lead.id, states: lead.states, assignedAdminId: pick.id }, { actorId: null });
  return { leadId: lead.id, userId: pick.id, userName: pick.name };
}
