import "server-only";
import { db } from "@/lib/db";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { fireLeadSlaTimer } from "@/lib/sla/fire-lead-sla-timer";
import type { TSlaTimerKind } from "@/lib/sla/list-sla-recipients";

// How far back the sweep looks past the escalation moment: leads older than that were in the
// pool before these timers existed (or reopened long after), and are not announced as new.
const LOOK_BACK_MINUTES = 60;
const BATCH = 200;

/**
 * The backstop of the per-lead timer jobs (every minute, lead-sla-sweep): pool leads whose alert
 * or escalation is due but not recorded, fired through the same idempotent function. It covers a
 * server that stopped between a lead's commit and its jobs, and timers the manager shortened.
 */
export async function sweepLeadSlaTimers(now: Date = new Date()): Promise<{ fired: number }> {
  const { slaTimers } = await getCompanySettings();
  const due = await db.$queryRaw<{ id: number; kind: TSlaTimerKind }[]>`
    SELECT l.id, k.kind
    FROM sales_leads l
    CROSS JOIN (VALUES ('alert', ${slaTimers.alertMinutes}::int), ('escalation', ${slaTimers.escalateMinutes}::int)) AS k(kind, minutes)
    WHERE l.status = 'pending'
      AND l.created_at > ${now}::timestamptz - make_interval(mins => ${slaTimers.escalateMinutes + LOOK_BACK_MINUTES}::int)
      AND l.created_at <= ${now}::timestamptz - make_interval(mins => k.minutes)
      AND NOT EXISTS (SELECT 1 FROM sla_events e WHERE e.lead_id = l.id AND e.kind = k.kind)
    ORDER BY l.created_at, k.minutes
    LIMIT ${BATCH}`;
  let fired = 0;
  for (const { id, kind } of due) if ((await fireLeadSlaTimer({ leadId: id, kind }, now)).fired) fired++;
  return { fired };
}
