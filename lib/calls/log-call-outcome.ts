import "server-only";
import { z } from "zod";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { ACTION_OUTCOMES } from "@/lib/leads/lead-vocabulary";
import { releaseCallLock } from "@/lib/calls/release-call-lock";
import { FOLLOW_UP_SHORTCUT_KEYS, followUpShortcut } from "@/lib/kernel/zoned-time";
import { ZClock } from "@/lib/leads/lead-input";
import { getCompanyTimeZone } from "@/lib/kernel/company-settings";
import { command } from "@/lib/command";

export const ZLogCallOutcome = z
  .object({
    leadId: z.coerce.number().int().positive(),
    outcome: z.enum(ACTION_OUTCOMES, { error: "Choose the call's outcome" }),
    notes: z.string().trim().max(5000, "Notes must be at most 5000 characters").optional(),
    // "keep" (the default) leaves a future follow-up as it is: a quick outcome key must never
    // silently clear it; a follow-up due today or overdue is done by this call (cleared, and the
    // answer says so); "none" clears it on purpose.
    followUp: z.enum(["keep", "none", ...FOLLOW_UP_SHORTCUT_KEYS, "custom"]).default("keep"),
    followUpDate: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** With "custom": an optional company time for the date (none: any time that day). */
    followUpTime: ZClock.optional().or(z.literal("").transform(() => undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.followUp === "custom" && !v.followUpDate)
      ctx.addIssue({ code: "custom", path: ["followUpDate"], message: "Pick the follow-up date" });
  });
export type TLogCallOutcome = z.input<typeof ZLogCallOutcome>;

/**
 * Saves a call from the call list: without a pick the lead's follow-up is kept; a quick pick
 * becomes a company day, or a moment for the timed ones ("In 1 hour", "Tomorrow 9:00"), by the
 * kernel's followUpShortcut(), as the lead page's form computes it; the call is logged through the
 * lead workflow's
 * addSalesAction (which authorizes, moves the lead on and writes the timeline), then the caller's
 * soft lock is cleared. The clear is a second statement after the action's own transaction: a
 * lock left behind by a failure there is harmless and expires within 10 minutes.
 */
export const logCallOutcome = command(ZLogCallOutcome, async (actor, data) => {
  const { leadId, outcome, notes, followUp, followUpDate, followUpTime } = data;
  const timeZone = await getCompanyTimeZone();
  const pick = followUp === "none" || followUp === "keep" || followUp === "custom" ? null : followUpShortcut(followUp, new Date(), timeZone);
  // A timed pick goes as its instant (no wall-clock ambiguity on the night clocks fall back).
  const followUpOn = pick ? (pick.time ? pick.at.toISOString() : pick.day) : followUp === "custom" ? followUpDate : undefined;
  const lead = await addSalesAction(actor, {
    lead_id: leadId,
    action_type: "call",
    action_description: "Call from the call list",
    outcome,
    notes: notes || undefined,
    follow_up_date: followUpOn,
    follow_up_time: followUp === "custom" ? followUpTime : undefined,
    keep_follow_up: followUp === "keep",
  });
  await releaseCallLock(actor, { leadId });
  // What the screen tells the rep was saved, and the id its Undo voids.
  return {
    leadId,
    outcome,
    actionId: lead.action_id,
    followUpAt: lead.next_follow_up_at,
    followUpKept: followUp === "keep" && lead.next_follow_up_at !== null,
    /** The due or overdue follow-up this call completed (cleared), or null. */
    followUpDone: lead.follow_up_done_at,
    timeZone,
    lead,
  };
});
