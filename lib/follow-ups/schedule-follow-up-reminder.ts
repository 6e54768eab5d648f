import "server-only";
import { logger } from "@/lib/logger";
import { sendJob } from "@/lib/jobs/send-job";

/**
 * Queues the reminder of a timed follow-up on the job runner, to run at its due time. Called after
 * the transaction that set the follow-up has committed (a job for a rolled-back change would only
 * find nothing to do). Rescheduling never cancels the old job: the handler
 * (remindFollowUp) re-reads the lead and does nothing unless its follow-up is still this one, so a
 * stale job is harmless and no cancellation can be missed. A date-only follow-up has no reminder.
 * A failure to queue is logged, not thrown: the follow-up itself is saved.
 */
export async function scheduleFollowUpReminder(lead: { id: number; nextFollowUpAt: Date | null; nextFollowUpHasTime: boolean }): Promise<void> {
  if (!lead.nextFollowUpAt || !lead.nextFollowUpHasTime) return;
  const dueAt = lead.nextFollowUpAt.toISOString();
  try {
    await sendJob(
      "follow-up-remind",
      { leadId: lead.id, dueAt },
      { startAfter: lead.nextFollowUpAt, singletonKey: `follow-up:${lead.id}:${dueAt}` },
    );
  } catch (err) {
    logger.error({ err, leadId: lead.id, dueAt }, "could not queue the follow-up reminder");
  }
}
