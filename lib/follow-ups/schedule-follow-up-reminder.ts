import "server-only";
import { jobSender } from "@/lib/jobs/job-boss";
import { sendJob } from "@/lib/jobs/send-job";
import type { TTx } from "@/lib/leads/lead-transaction";

/**
 * Readies the job sender before a transaction that may queue a reminder: starting it takes other
 * connections, which the embedded database would hold until the transaction ends (send-job.ts).
 */
export async function readyFollowUpReminders(): Promise<void> {
  await jobSender();
}

/**
 * Queues the reminder of a timed follow-up on the job runner, to run at its due time, inside the
 * transaction that set the follow-up: the job exists exactly when the follow-up does. Rescheduling
 * never cancels the old job: its handler (remindFollowUp) re-reads the lead and does nothing
 * unless the follow-up is still this one, so a stale job is harmless and no cancellation can be
 * missed. A date-only follow-up has no reminder.
 */
export async function scheduleFollowUpReminder(
  tx: TTx,
  lead: { id: number; nextFollowUpAt: Date | null; nextFollowUpHasTime: boolean },
): Promise<void> {
  if (!lead.nextFollowUpAt || !lead.nextFollowUpHasTime) return;
  const dueAt = lead.nextFollowUpAt.toISOString();
  await sendJob(
    "follow-up-remind",
    { leadId: lead.id, dueAt },
    { startAfter: lead.nextFollowUpAt, singletonKey: `follow-up:${lead.id}:${dueAt}`, transaction: tx },
  );
}
