import "server-only";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { sendJobs } from "@/lib/jobs/send-job";
import { logger } from "@/lib/logger";

/**
 * Queues a new pool lead's two timers: the reps' alert after the alert minutes and the manager's
 * escalation after the escalation minutes, each keyed by lead (a `short` queue keeps one waiting
 * job per key). Called after the lead's transaction committed; it never fails the caller: the
 * lead exists already, and a timer whose job was not sent is fired by the sweep
 * (lead-sla-sweep) instead.
 */
export async function scheduleLeadSla(lead: { id: number; createdAt: Date }): Promise<void> {
  try {
    const { slaTimers } = await getCompanySettings();
    const at = (minutes: number) => new Date(lead.createdAt.getTime() + minutes * 60_000);
    // Both in one statement: this runs for every new lead the webhook brings (issue #19's ingest bench).
    await sendJobs([
      { kind: "lead-sla-alert", data: { leadId: lead.id }, options: { startAfter: at(slaTimers.alertMinutes), singletonKey: `lead-sla-alert:${lead.id}` } },
      { kind: "lead-sla-escalate", data: { leadId: lead.id }, options: { startAfter: at(slaTimers.escalateMinutes), singletonKey: `lead-sla-escalate:${lead.id}` } },
    ]);
  } catch (err) {
    logger.error({ err, leadId: lead.id }, "could not queue the lead's SLA timers; the sweep will fire them");
  }
}
