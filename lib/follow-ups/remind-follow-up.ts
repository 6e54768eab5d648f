import "server-only";
import { db } from "@/lib/db";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { formatZonedTime, zoneAbbreviation } from "@/lib/kernel/zoned-format";
import { TIME_ZONE_SQL } from "@/lib/kernel/company-settings";
import { ZRemindFollowUpJob, type TRemindFollowUpJob } from "@/lib/follow-ups/follow-up-job-data";


/**
 * The `follow-up-remind` job: tells the lead's current owner, live, that a timed follow-up is due.
 * One conditional update decides, under the row's lock, that the reminder is still wanted (the
 * lead is open and held, its follow-up is still this timed one) and not yet sent for this due time
 * (`follow_up_reminded_at`); the notice is published in the same transaction. So a job made stale
 * by a reschedule, a snooze or a cleared follow-up does nothing, and a job delivered twice
 * (pg-boss is at-least-once) reminds once.
 */
export async function remindFollowUp(input: TRemindFollowUpJob): Promise<{ reminded: boolean }> {
  const { leadId, dueAt: due } = ZRemindFollowUpJob.parse(input);
  const dueAt = new Date(due);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ user_id: number; company_name: string; tz: string }[]>`
      UPDATE sales_leads l SET follow_up_reminded_at = l.next_follow_up_at
      FROM companies c
      WHERE l.id = ${leadId} AND c.id = l.company_id
        AND l.next_follow_up_at = ${dueAt} AND l.next_follow_up_has_time
        AND l.status IN ('assigned', 'in_progress') AND l.assigned_admin_id IS NOT NULL
        AND l.follow_up_reminded_at IS DISTINCT FROM l.next_follow_up_at
      RETURNING l.assigned_admin_id AS user_id, c.name AS company_name, ${TIME_ZONE_SQL} AS tz`;
    const row = rows[0];
    if (!row) return { reminded: false };
    const when = `${formatZonedTime(dueAt, row.tz)} ${zoneAbbreviation(dueAt, row.tz)}`;
    await publishLiveEvent(tx, {
      kind: "user.notice",
      userId: row.user_id,
      leadId,
      title: `Follow up with ${row.company_name}`,
      body: `Your follow-up is due now (${when}).`,
    });
    return { reminded: true };
  });
}
