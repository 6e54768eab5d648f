import "server-only";
import DataLoader from "dataloader";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { sendJobs } from "@/lib/jobs/send-job";
import { logger } from "@/lib/logger";

type TNewPoolLead = { id: number; createdAt: Date };

/**
 * Queues the two timers of every lead in `leads`: the reps' alert after the alert minutes and the
 * manager's escalation after the escalation minutes, each keyed by lead (a `short` queue keeps
 * one waiting job per key). One settings read and one insert for all of them. Never fails: the
 * leads exist already, and a timer whose job was not sent is fired by the sweep (lead-sla-sweep).
 */
async function queueSlaTimers(leads: readonly TNewPoolLead[]): Promise<null[]> {
  try {
    const { slaTimers } = await getCompanySettings();
    const at = (lead: TNewPoolLead, minutes: number) => new Date(lead.createdAt.getTime() + minutes * 60_000);
    await sendJobs(
      leads.flatMap((lead) => [
        { kind: "lead-sla-alert", data: { leadId: lead.id }, options: { startAfter: at(lead, slaTimers.alertMinutes), singletonKey: `lead-sla-alert:${lead.id}` } },
        { kind: "lead-sla-escalate", data: { leadId: lead.id }, options: { startAfter: at(lead, slaTimers.escalateMinutes), singletonKey: `lead-sla-escalate:${lead.id}` } },
      ] as const),
    );
  } catch (err) {
    logger.error({ err, leadIds: leads.map((l) => l.id) }, "could not queue the leads' SLA timers; the sweep will fire them");
  }
  return leads.map(() => null);
}

// The webhook answers a batch of events at once (lib/ingest/submit-lead-event.ts), and each new
// lead of it asks for its timers in the same turn of the event loop: those calls leave together,
// one settings read and one insert for the batch instead of a round trip each per lead (the
// ingest bench's signed path). Per process, nothing cached: each call is answered once its
// timers are queued.
const timers = new DataLoader<TNewPoolLead, null>(queueSlaTimers, {
  cache: false,
  batchScheduleFn: (send) => setImmediate(send),
});

/** Queues a new pool lead's two SLA timers (called after the lead's transaction committed). */
export async function scheduleLeadSla(lead: TNewPoolLead): Promise<void> {
  await timers.load(lead);
}
