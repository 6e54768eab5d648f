import "server-only";
import { z } from "zod";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { ACTION_OUTCOMES } from "@/lib/leads/lead-vocabulary";
import { releaseCallLock } from "@/lib/calls/release-call-lock";
import { zonedDateAfter } from "@/lib/kernel/zoned-time";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { command } from "@/lib/command";

const FOLLOW_UP_DAYS = { tomorrow: 1, "3d": 3, "1w": 7 } as const;

export const ZLogCallOutcome = z
  .object({
    leadId: z.coerce.number().int().positive(),
    outcome: z.enum(ACTION_OUTCOMES, { error: "Choose the call's outcome" }),
    notes: z.string().trim().max(5000, "Notes must be at most 5000 characters").optional(),
    followUp: z.enum(["none", "tomorrow", "3d", "1w", "custom"]).default("none"),
    followUpDate: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.followUp === "custom" && !v.followUpDate)
      ctx.addIssue({ code: "custom", path: ["followUpDate"], message: "Pick the follow-up date" });
  });
export type TLogCallOutcome = z.input<typeof ZLogCallOutcome>;

/**
 * Saves a call from the call list: the quick pick becomes a company-calendar date (the lead
 * workflow books it at 09:00 company time), the call is logged through the lead workflow's
 * addSalesAction (which authorizes, moves the lead on and writes the timeline), then the caller's
 * soft lock is cleared. The clear is a second statement after the action's own transaction: a
 * lock left behind by a failure there is harmless and expires within 10 minutes.
 */
export const logCallOutcome = command(ZLogCallOutcome, async (actor, data) => {
  const { leadId, outcome, notes, followUp, followUpDate } = data;
  const { timeZone } = await getCompanySettings();
  const followUpOn =
    followUp === "none"
      ? undefined
      : followUp === "custom"
        ? followUpDate
        : zonedDateAfter(new Date(), FOLLOW_UP_DAYS[followUp], timeZone);
  const lead = await addSalesAction(actor, {
    lead_id: leadId,
    action_type: "call",
    action_description: "Call from the call list",
    outcome,
    notes: notes || undefined,
    follow_up_date: followUpOn,
  });
  await releaseCallLock(actor, { leadId });
  return { leadId, outcome, lead };
});
