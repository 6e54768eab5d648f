// The words of sequences (issue #18): step kinds, delay units, enrolment states and the reasons an
// enrolment stops, with their labels. Plain data: pages, components and the domain share it.

export const STEP_KINDS = ["email", "text", "call", "wait"] as const;
export type TStepKind = (typeof STEP_KINDS)[number];
export const STEP_KIND_LABELS: Record<TStepKind, string> = { email: "Email", text: "Text", call: "Call task", wait: "Wait" };

export const DELAY_UNITS = ["business_days", "business_hours"] as const;
export type TDelayUnit = (typeof DELAY_UNITS)[number];
export const DELAY_UNIT_LABELS: Record<TDelayUnit, string> = { business_days: "business days", business_hours: "business hours" };

export const ENROLMENT_STATUSES = ["active", "paused", "stopped", "completed"] as const;
export type TEnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS: Record<TEnrolmentStatus, string> = { active: "Active", paused: "Paused", stopped: "Stopped", completed: "Completed" };
/** Enrolments that still run (or may be resumed): at most one per lead. */
export const LIVE_ENROLMENT_STATUSES = ["active", "paused"] as const satisfies readonly TEnrolmentStatus[];

export const STOP_REASONS = [
  "replied",
  "bounced",
  "unsubscribed",
  "suppressed",
  "converted",
  "lost",
  "reassigned",
  "released",
  "manual",
  "no_address",
  "template_gone",
] as const;
export type TStopReason = (typeof STOP_REASONS)[number];
export const STOP_REASON_LABELS: Record<TStopReason, string> = {
  replied: "Lead replied",
  bounced: "Email bounced",
  unsubscribed: "Unsubscribed",
  suppressed: "Address suppressed",
  converted: "Lead converted",
  lost: "Lead lost",
  reassigned: "Lead reassigned",
  released: "Lead released to the pool",
  manual: "Stopped by hand",
  no_address: "No address to send to",
  template_gone: "Template archived",
};

export function stopReasonLabel(reason: string | null): string {
  return reason && reason in STOP_REASON_LABELS ? STOP_REASON_LABELS[reason as TStopReason] : (reason ?? "");
}
