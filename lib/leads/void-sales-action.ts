import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { zId } from "@/lib/leads/lead-input";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { leadTransaction, lockLead } from "@/lib/leads/lead-transaction";
import { assertStep } from "@/lib/leads/lead-rules";
import { ACTION_OUTCOMES, LEAD_STATUSES } from "@/lib/leads/lead-vocabulary";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { command } from "@/lib/command";
import { readyFollowUpReminders, scheduleFollowUpReminder } from "@/lib/follow-ups/schedule-follow-up-reminder";

/**
 * How long after logging a sales action its author may still undo it. An undo is a correction of
 * a slip (the wrong key on the call list), not a way to rewrite history: after this, log another
 * action instead. The screen offers Undo for less than this, so a slow network still makes it.
 */
export const UNDO_WINDOW_MS = 60_000;

export const ZVoidSalesAction = z.object({ action_id: zId("Action id") });
export type TVoidSalesAction = z.input<typeof ZVoidSalesAction>;

// What addSalesAction recorded on its action_logged event about the lead just before.
const ZBefore = z.object({
  status: z.enum(LEAD_STATUSES),
  next_follow_up_at: z.string().nullable(),
  // Absent on actions logged before follow-ups had times: those were all date-only.
  next_follow_up_has_time: z.boolean().default(false),
  last_contact_at: z.string().nullable(),
  last_call_outcome: z.enum(ACTION_OUTCOMES).nullable(),
});

const date = (iso: string | null) => (iso ? new Date(iso) : null);
const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Undoes a sales action moments after its author logged it: the action is kept but voided (no
 * figure counts it any more), and the lead's status, next follow-up, last contact and last call
 * outcome go back to exactly what they were before it, with an `action_voided` event on the
 * timeline. Only the author, while still allowed to work the lead, within UNDO_WINDOW_MS, and only
 * while nothing has changed the lead since (otherwise the "before" would overwrite newer work).
 */
export const voidSalesAction = command(
  ZVoidSalesAction,
  async (actor, data, options: { now?: Date } = {}): Promise<TLeadSnapshot> => {
    const actionId = data.action_id;

    await readyFollowUpReminders();
    return leadTransaction(async (tx) => {
      const found = await tx.salesAction.findUnique({ where: { id: actionId }, select: { leadId: true } });
      if (!found) throw new AppError("NOT_FOUND", "Action not found");
      const lead = await lockLead(tx, found.leadId);
      // Re-read under the lead's lock: a concurrent undo of the same action waits here, then sees it voided.
      const action = await tx.salesAction.findUniqueOrThrow({ where: { id: actionId } });
      // Authorised like logging it: whoever may no longer log an action on the lead may not undo one.
      assertStep(actor, "action", lead);
      if (action.adminId !== actor.id)
        throw new AppError("FORBIDDEN", "Only who logged this action can undo it.");
      if (action.voidedAt) throw new AppError("CONFLICT", "This action is already undone.");
      const now = options.now ?? new Date();
      if (now.getTime() - action.createdAt.getTime() > UNDO_WINDOW_MS)
        throw new AppError("CONFLICT", "Too late to undo: log another action instead.");

      const logged = await tx.leadEvent.findFirst({
        where: { leadId: lead.id, type: "action_logged", data: { path: ["action_id"], equals: actionId } },
        select: { data: true },
      });
      const before = ZBefore.safeParse((logged?.data as { before?: unknown } | null)?.before);
      if (!before.success) throw new AppError("CONFLICT", "This action cannot be undone.");

      const later = await tx.salesAction.count({
        where: {
          leadId: lead.id,
          voidedAt: null,
          id: { not: actionId },
          createdAt: { gte: action.createdAt },
        },
      });
      const current = await tx.salesLead.findUniqueOrThrow({
        where: { id: lead.id },
        select: { nextFollowUpAt: true, lastCallOutcome: true },
      });
      const untouched =
        later === 0 &&
        same(current.nextFollowUpAt, action.followUpDate) &&
        (action.actionType !== "call" || current.lastCallOutcome === action.outcome);
      if (!untouched)
        throw new AppError("CONFLICT", "The lead has changed since; log another action instead of undoing.");

      const b = before.data;
      await tx.salesAction.update({ where: { id: actionId }, data: { voidedAt: now, voidedById: actor.id } });
      // Earlier actions whose next touch was this one get the next touch that remains (if any).
      await tx.$executeRaw`
      UPDATE sales_actions p
      SET next_touch_at = (SELECT min(n.created_at) FROM sales_actions n
                           WHERE n.lead_id = p.lead_id AND n.created_at > p.created_at AND n.voided_at IS NULL)
      WHERE p.lead_id = ${lead.id} AND p.next_touch_at = ${action.createdAt} AND p.voided_at IS NULL`;
      const status = b.status;
      const updated = await tx.salesLead.update({
        where: { id: lead.id },
        data: {
          status,
          nextFollowUpAt: date(b.next_follow_up_at),
          nextFollowUpHasTime: b.next_follow_up_at !== null && b.next_follow_up_has_time,
          lastContactAt: date(b.last_contact_at),
          lastCallOutcome: b.last_call_outcome,
        },
        select: LEAD_SNAPSHOT_SELECT,
      });
      if (status !== lead.status) {
        await recordLeadEvent(tx, {
          leadId: lead.id,
          actorId: actor.id,
          type: "status_changed",
          fromStatus: lead.status,
          toStatus: status,
        });
      }
      await recordLeadEvent(tx, {
        leadId: lead.id,
        actorId: actor.id,
        type: "action_voided",
        data: { action_id: actionId, action_type: action.actionType, outcome: action.outcome, restored: b },
      });
      // The restored follow-up's reminder again (its earlier job may have run already, or find it changed).
      await scheduleFollowUpReminder(tx, { id: lead.id, nextFollowUpAt: updated.nextFollowUpAt, nextFollowUpHasTime: updated.nextFollowUpHasTime });
      return toLeadSnapshot(updated);
    });
  },
);
