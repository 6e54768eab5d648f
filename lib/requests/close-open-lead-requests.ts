import "server-only";
import type { TTx } from "@/lib/leads/lead-transaction";
import { moveRequestState } from "@/lib/requests/move-request-state";
import { activeManagerIds, recordRequestStep } from "@/lib/requests/record-request-step";
import {
  cancelReasonLabel,
  OPEN_REQUEST_STATES,
  REQUEST_KIND_LABELS,
  type TRequestCancelReason,
} from "@/lib/requests/request-vocabulary";

/**
 * Closes the lead's open request (at most one: lead_requests_one_open_idx) because the lead left
 * its holder or closed by another path than the request: state `cancelled` with the reason, a
 * `request_cancelled` timeline entry, an audit row and a notice to whoever waited on it (the
 * requester, a handoff's receiver, the managers of one waiting for approval; never the actor),
 * inside the caller's transaction, which holds the lead's row lock. `exceptRequestId` is the
 * request whose own approval moves the lead (it ends `done`, never cancelled). Returns how many
 * closed. Called only through endLeadHolding() (lib/leads/end-lead-holding.ts).
 */
export async function closeOpenLeadRequests(
  tx: TTx,
  leadId: number,
  reason: TRequestCancelReason,
  actor: { id: number; email: string } | null,
  exceptRequestId?: number,
): Promise<number> {
  const open = await tx.leadRequest.findMany({
    where: { leadId, state: { in: [...OPEN_REQUEST_STATES] }, ...(exceptRequestId ? { id: { not: exceptRequestId } } : {}) },
    select: { id: true, kind: true, state: true, requesterId: true, receiverId: true },
  });
  for (const r of open) {
    await moveRequestState(tx, r.id, r.state, "cancelled", { cancelReason: reason, decidedById: actor?.id ?? null, decidedAt: new Date() });
    const why = cancelReasonLabel(reason);
    await recordRequestStep(tx, actor, {
      type: "request_cancelled",
      request: { id: r.id, kind: r.kind, leadId },
      before: r.state,
      after: "cancelled",
      data: { cancel_reason: reason, detail: `Closed by itself: ${why}.` },
      tell: [r.requesterId, r.receiverId, ...(r.state === "awaiting_approval" ? await activeManagerIds(tx) : [])],
      notice: { title: `${REQUEST_KIND_LABELS[r.kind]} request closed`, body: `Nothing to decide any more: ${why}.` },
    });
  }
  return open.length;
}
