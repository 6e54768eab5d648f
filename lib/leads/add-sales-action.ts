import "server-only";
import { z } from "zod";
import { emptyToUndefined, momentWithClock, ZClock, ZLeadId, ZMoment, zOptionalText } from "@/lib/leads/lead-input";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { leadTransaction, lockLead } from "@/lib/leads/lead-transaction";
import { assertStep, coveredHolderId } from "@/lib/leads/lead-rules";
import { ACTION_OUTCOMES, ACTION_TYPES } from "@/lib/leads/lead-vocabulary";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { resolveFollowUp } from "@/lib/leads/resolve-moment";
import { command } from "@/lib/command";
import { getCompanyTimeZone } from "@/lib/kernel/company-settings";
import { zonedDayBounds } from "@/lib/kernel/zoned-time";
import { readyFollowUpReminders, scheduleFollowUpReminder } from "@/lib/follow-ups/schedule-follow-up-reminder";

export const ZAddSalesAction = z
  .object({
    lead_id: ZLeadId,
    action_type: z.enum(ACTION_TYPES, { error: "Choose call, email, text or meeting" }),
    outcome: z.preprocess(
      emptyToUndefined,
      z.enum(ACTION_OUTCOMES, { error: "Choose a known outcome" }).optional(),
    ),
    action_description: zOptionalText(200, "The description"),
    notes: zOptionalText(5000, "Notes"),
    follow_up_date: z.preprocess(emptyToUndefined, ZMoment.optional()),
    /** Optional company time (HH:MM) for a follow_up_date given as a day: without it, "any time that day". */
    follow_up_time: z.preprocess(emptyToUndefined, ZClock.optional()),
    /**
     * Without a follow_up_date: keep the lead's planned follow-up instead of clearing it, if it
     * lies after today; one due today or overdue is what this action did, so it is done (cleared).
     */
    keep_follow_up: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    // A call always ends somehow, and the call list sorts by that outcome.
    if (v.action_type === "call" && !v.outcome)
      ctx.addIssue({ code: "custom", path: ["outcome"], message: "Choose the call's outcome" });
    if (v.follow_up_time && !v.follow_up_date)
      ctx.addIssue({ code: "custom", path: ["follow_up_date"], message: "Pick the day for the follow-up time" });
  });
export type TAddSalesAction = z.input<typeof ZAddSalesAction>;

/**
 * Logs a call, email, text or meeting on a held lead. The first one moves `assigned` to
 * `in_progress`; the latest one decides the next follow-up (none given: none planned, unless
 * `keep_follow_up` keeps a future one; a follow-up due today or overdue is completed by the
 * action and cleared, reported as `follow_up_done_at`). The lead's state before is recorded on the event, so who logged it can undo
 * it moments later exactly (lib/leads/void-sales-action.ts). A follow-up with a time is reminded
 * at that time (a job queued in the same transaction). A rep covering for the away holder (the
 * `cover` cell of the `action` row) logs as themself, and the action records whom they covered for.
 */
export const addSalesAction = command(
  ZAddSalesAction,
  async (actor, data): Promise<TLeadSnapshot & { action_id: number; follow_up_done_at: string | null }> => {
    const {
      lead_id: leadId,
      action_type: actionType,
      outcome,
      action_description,
      notes,
      keep_follow_up,
    } = data;
    const follow_up_date = momentWithClock(data.follow_up_date, data.follow_up_time);
    if (follow_up_date?.hasTime) await readyFollowUpReminders();

    return leadTransaction(async (tx) => {
      const lead = await lockLead(tx, leadId);
      const toStatus = assertStep(actor, "action", lead);
      const before = await tx.salesLead.findUniqueOrThrow({
        where: { id: leadId },
        select: { nextFollowUpAt: true, nextFollowUpHasTime: true, lastContactAt: true, lastCallOutcome: true },
      });
      const now = new Date();
      const planned = before.nextFollowUpAt;
      // A kept follow-up that falls due before tomorrow (company day) is the one this action
      // answers: keeping it would pin the lead to the top of the call list for ever.
      const dueDone =
        !follow_up_date && keep_follow_up && planned !== null
          ? planned < zonedDayBounds(now, await getCompanyTimeZone(tx)).end
          : false;
      const followUpAt = follow_up_date
        ? await resolveFollowUp(tx, follow_up_date, "follow_up_date")
        : keep_follow_up && !dueDone
          ? planned
          : null;
      const followUpHasTime = follow_up_date ? follow_up_date.hasTime : followUpAt !== null && before.nextFollowUpHasTime;

      const action = await tx.salesAction.create({
        data: {
          leadId,
          adminId: actor.id,
          actionType,
          outcome: outcome ?? null,
          actionDescription: action_description ?? null,
          notes: notes ?? null,
          followUpDate: followUpAt,
          followUpHasTime,
          coveringForId: coveredHolderId(actor, lead),
        },
        select: { id: true },
      });
      const updated = await tx.salesLead.update({
        where: { id: leadId },
        data: {
          status: toStatus,
          nextFollowUpAt: followUpAt,
          nextFollowUpHasTime: followUpHasTime,
          lastContactAt: now,
          ...(actionType === "call" ? { lastCallOutcome: outcome ?? null } : {}),
        },
        select: LEAD_SNAPSHOT_SELECT,
      });
      if (toStatus !== lead.status) {
        await recordLeadEvent(tx, {
          leadId,
          actorId: actor.id,
          type: "status_changed",
          fromStatus: lead.status,
          toStatus,
        });
      }
      await recordLeadEvent(tx, {
        leadId,
        actorId: actor.id,
        type: "action_logged",
        data: {
          action_id: action.id,
          action_type: actionType,
          outcome: outcome ?? null,
          follow_up_at: followUpAt?.toISOString() ?? null,
          follow_up_has_time: followUpHasTime,
          follow_up_kept: !follow_up_date && !!keep_follow_up && followUpAt !== null,
          covering_for_id: coveredHolderId(actor, lead),
          follow_up_done_at: dueDone ? planned!.toISOString() : null,
          before: {
            status: lead.status,
            next_follow_up_at: before.nextFollowUpAt?.toISOString() ?? null,
            next_follow_up_has_time: before.nextFollowUpHasTime,
            last_contact_at: before.lastContactAt?.toISOString() ?? null,
            last_call_outcome: before.lastCallOutcome,
          },
        },
      });
      if (follow_up_date) await scheduleFollowUpReminder(tx, { id: leadId, nextFollowUpAt: followUpAt, nextFollowUpHasTime: followUpHasTime });
      return {
        ...toLeadSnapshot(updated),
        action_id: action.id,
        follow_up_done_at: dueDone ? planned!.toISOString() : null,
      };
    });
  },
);
