import "server-only";
import { AppError } from "@/lib/errors";
import type { TLockedLead, TTx } from "@/lib/leads/lead-transaction";
import type { TOpenRequest } from "@/lib/requests/lock-request-lead";

/**
 * Before an approved or accepted handoff moves the lead: the lead must still be held by whoever
 * held it when the handoff was proposed, and the receiver must still be an active rep. Otherwise
 * the request is stale: 409, and it can only be declined or withdrawn.
 */
export async function readHandoffReceiver(tx: TTx, lead: TLockedLead, request: TOpenRequest): Promise<{ id: number; name: string }> {
  const from = request.payload.from_admin_id ?? null;
  if (from !== lead.assignedAdminId) throw new AppError("CONFLICT", "This lead changed hands since the handoff was proposed; decline or withdraw it.");
  const receiver = request.receiverId
    ? await tx.user.findUnique({ where: { id: request.receiverId }, select: { id: true, name: true, active: true } })
    : null;
  if (!receiver?.active) throw new AppError("CONFLICT", "The receiver is no longer an active rep; decline or withdraw it.");
  return { id: receiver.id, name: receiver.name };
}
