// Words of lead requests (issue #21): kinds, states and their labels. No "server-only": the
// inbox and lead-page components share them.
export const REQUEST_KINDS = ["handoff", "lose", "reopen"] as const;
export type TRequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATES = ["awaiting_approval", "awaiting_acceptance", "done", "declined", "withdrawn", "cancelled"] as const;
export type TRequestState = (typeof REQUEST_STATES)[number];

/** A request in one of these is open: at most one per lead (lead_requests_one_open_idx). */
export const OPEN_REQUEST_STATES = ["awaiting_approval", "awaiting_acceptance"] as const satisfies readonly TRequestState[];

export function isOpenRequestState(state: TRequestState): boolean {
  return (OPEN_REQUEST_STATES as readonly TRequestState[]).includes(state);
}

export const REQUEST_KIND_LABELS: Record<TRequestKind, string> = {
  handoff: "Handoff",
  lose: "Mark lost",
  reopen: "Reopen",
};

export const REQUEST_STATE_LABELS: Record<TRequestState, string> = {
  awaiting_approval: "Waiting for a manager",
  awaiting_acceptance: "Waiting for the receiver",
  done: "Done",
  declined: "Declined",
  withdrawn: "Withdrawn",
  cancelled: "Closed",
};

/**
 * What happened to a lead that closes its open request by itself (state `cancelled`, column
 * cancel_reason): the lead left its holder or closed by another path than the request
 * (lib/leads/end-lead-holding.ts calls closeOpenLeadRequests for each).
 */
export const REQUEST_CANCEL_REASONS = ["released", "auto_returned", "reassigned", "handed_off", "converted", "lost", "reopened"] as const;
export type TRequestCancelReason = (typeof REQUEST_CANCEL_REASONS)[number];

/** Completes "Closed: …" in the timeline, the request card and the requester's notice. */
export const REQUEST_CANCEL_REASON_LABELS: Record<TRequestCancelReason, string> = {
  released: "the lead was released to the pool",
  auto_returned: "the lead went back to the pool (no action since it was claimed)",
  reassigned: "the lead was assigned to someone else",
  handed_off: "the lead was handed off another way",
  converted: "the lead was converted",
  lost: "the lead was marked lost",
  reopened: "the lead was reopened",
};

export function cancelReasonLabel(reason: string | null | undefined): string {
  return reason && reason in REQUEST_CANCEL_REASON_LABELS ? REQUEST_CANCEL_REASON_LABELS[reason as TRequestCancelReason] : "the lead moved on";
}
