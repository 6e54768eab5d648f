// A lead's call status, as the second seed names it, derived from the latest call's outcome
// (sales_leads.last_call_outcome, kept current by each logged call so lists need no join).
// Shared by the call list, the pool and the leads table: labels, filter options and the filter.
//
// The seed's six are Not Called, Interested, Not Interested, Callback, Voicemail and No Answer.
// A call logged as plain "answered" (they picked up, no decision yet) shows as "Contacted":
// calling it Interested or Callback would claim something the rep did not record.
export const CALL_STATUSES = [
  { key: "not_called", label: "Not Called", outcome: null },
  { key: "interested", label: "Interested", outcome: "interested" },
  { key: "not_interested", label: "Not Interested", outcome: "not_interested" },
  { key: "callback", label: "Callback", outcome: "callback" },
  { key: "voicemail", label: "Voicemail", outcome: "voicemail" },
  { key: "no_answer", label: "No Answer", outcome: "no_answer" },
  { key: "contacted", label: "Contacted", outcome: "answered" },
] as const;

export type TCallStatus = (typeof CALL_STATUSES)[number]["key"];
export type TCallOutcome = Exclude<(typeof CALL_STATUSES)[number]["outcome"], null>;

export const CALL_STATUS_KEYS = CALL_STATUSES.map((s) => s.key) as [TCallStatus, ...TCallStatus[]];

export function callStatusOf(lastCallOutcome: string | null | undefined): TCallStatus {
  return CALL_STATUSES.find((s) => s.outcome === (lastCallOutcome ?? null))?.key ?? "not_called";
}

export function callStatusLabel(lastCallOutcome: string | null | undefined): string {
  const key = callStatusOf(lastCallOutcome);
  return CALL_STATUSES.find((s) => s.key === key)!.label;
}

/** A Prisma `where` fragment for sales_leads filtered by call status. */
export function callStatusWhere(status: TCallStatus): { lastCallOutcome: TCallOutcome | null } {
  return { lastCallOutcome: CALL_STATUSES.find((s) => s.key === status)!.outcome };
}
