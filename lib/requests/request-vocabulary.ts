// Words of lead requests (issue #21): kinds, states and their labels. No "server-only": the
// inbox and lead-page components share them.
export const REQUEST_KINDS = ["handoff", "lose", "reopen"] as const;
export type TRequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATES = ["awaiting_approval", "awaiting_acceptance", "done", "declined", "withdrawn"] as const;
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
};
