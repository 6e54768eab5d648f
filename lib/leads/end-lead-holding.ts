import "server-only";
import type { TTx } from "@/lib/leads/lead-transaction";
import { stopLeadEnrolments } from "@/lib/sequences/stop-lead-enrolments";
import type { TStopReason } from "@/lib/sequences/sequence-vocabulary";
import { closeOpenLeadRequests } from "@/lib/requests/close-open-lead-requests";
import type { TRequestCancelReason } from "@/lib/requests/request-vocabulary";

/** How the lead left its holder (or closed): the words of a cancelled request's reason. */
export type TLeadHoldingEnd = TRequestCancelReason;

// A sequence sends as the holder it was started for, so it stops with every change of hands;
// a reopened lead was lost, which stopped its sequence already.
const SEQUENCE_STOP: Record<TLeadHoldingEnd, TStopReason | null> = {
  released: "released",
  auto_returned: "released",
  reassigned: "reassigned",
  handed_off: "reassigned",
  converted: "converted",
  lost: "lost",
  reopened: null,
};

/**
 * The one hook of every lead domain function that takes a lead from its holder or closes it —
 * release, auto-return, the manager's reassignment, a handoff, convert, mark lost (direct or
 * approved), reopen — called in its transaction, under the lead's row lock. What hung on the old
 * holding ends with it: the running sequence enrolment stops, and the lead's open request
 * (handoff, loss or reopen approval) is closed as `cancelled` with this reason, told to whoever
 * waited on it. `exceptRequestId`: the request whose own approval or acceptance makes this change
 * (it is `done` already; named so it can never be the one cancelled).
 */
export async function endLeadHolding(
  tx: TTx,
  leadId: number,
  end: TLeadHoldingEnd,
  actor: { id: number; email: string } | null,
  options: { exceptRequestId?: number } = {},
): Promise<{ enrolmentsStopped: number; requestsClosed: number }> {
  const stop = SEQUENCE_STOP[end];
  const enrolmentsStopped = stop ? await stopLeadEnrolments(tx, leadId, stop, actor?.id ?? null) : 0;
  const requestsClosed = await closeOpenLeadRequests(tx, leadId, end, actor, options.exceptRequestId);
  return { enrolmentsStopped, requestsClosed };
}
