import { addBusinessDays, addBusinessHours, nextWindowInstant, type TBusinessHours } from "@/lib/kernel/business-hours";
import type { TDelayUnit } from "@/lib/sequences/sequence-vocabulary";

// When a sequence step comes due: its delay counted in the company's business days or hours
// (the businessHours setting) after the previous step ran (the first: after enrolment), then moved
// into the sending window (the sequenceSending setting). Pure, so the builder's preview and the
// job agree, and the walk test pins it with a clock of its own.

export type TScheduleSettings = { timeZone: string; businessHours: TBusinessHours; sequenceSending: TBusinessHours };

export function stepDueAt(after: Date, step: { delayAmount: number; delayUnit: string }, s: TScheduleSettings): Date {
  const unit = step.delayUnit as TDelayUnit;
  const delayed =
    unit === "business_hours"
      ? addBusinessHours(after, step.delayAmount, s.timeZone, s.businessHours)
      : addBusinessDays(after, step.delayAmount, s.timeZone, s.businessHours);
  return nextWindowInstant(delayed, s.timeZone, s.sequenceSending);
}
