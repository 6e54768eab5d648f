import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";
import { getCompanyTimeZone } from "@/lib/kernel/company-settings";
import { followUpShortcut, SNOOZE_SHORTCUT_KEYS } from "@/lib/kernel/zoned-time";
import { ZLeadId } from "@/lib/leads/lead-input";
import { assertStep } from "@/lib/leads/lead-rules";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { leadTransaction, lockLead } from "@/lib/leads/lead-transaction";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { readyFollowUpReminders, scheduleFollowUpReminder } from "@/lib/follow-ups/schedule-follow-up-reminder";

export const ZSnoozeFollowUp = z.object({
  lead_id: ZLeadId,
  to: z.enum(SNOOZE_SHORTCUT_KEYS, { error: "Choose when to be reminded again" }),
});
export type TSnoozeFollowUp = z.input<typeof ZSnoozeFollowUp>;

/**
 * Moves a lead's planned follow-up to a snooze shortcut ("In 1 hour", "Tomorrow 9:00", "Next
 * Monday"), computed by the zoned-time kernel at this moment, with a `follow_up_snoozed` timeline
 * entry naming the old and new time. Not a sales action: nothing was done with the prospect, so
 * neither the status nor the last contact changes. A lead with no follow-up has nothing to snooze.
 */
export const snoozeFollowUp = command(ZSnoozeFollowUp, async (actor, data, options: { now?: Date } = {}): Promise<TLeadSnapshot> => {
  const now = options.now ?? new Date();
  await readyFollowUpReminders();
  return leadTransaction(async (tx) => {
    const lead = await lockLead(tx, data.lead_id);
    assertStep(actor, "snooze", lead);
    const before = await tx.salesLead.findUniqueOrThrow({
      where: { id: lead.id },
      select: { nextFollowUpAt: true, nextFollowUpHasTime: true },
    });
    if (!before.nextFollowUpAt) throw new AppError("CONFLICT", "This lead has no follow-up to snooze.");
    const pick = followUpShortcut(data.to, now, await getCompanyTimeZone(tx));
    const updated = await tx.salesLead.update({
      where: { id: lead.id },
      data: { nextFollowUpAt: pick.at, nextFollowUpHasTime: pick.time !== null },
      select: LEAD_SNAPSHOT_SELECT,
    });
    await recordLeadEvent(tx, {
      leadId: lead.id,
      actorId: actor.id,
      type: "follow_up_snoozed",
      data: {
        to: data.to,
        from_at: before.nextFollowUpAt.toISOString(),
        from_has_time: before.nextFollowUpHasTime,
        follow_up_at: pick.at.toISOString(),
        follow_up_has_time: pick.time !== null,
      },
    });
    await scheduleFollowUpReminder(tx, { id: lead.id, nextFollowUpAt: pick.at, nextFollowUpHasTime: pick.time !== null });
    return toLeadSnapshot(updated);
  });
});
