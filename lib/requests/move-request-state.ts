import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/leads/lead-transaction";
import type { TRequestState } from "@/lib/requests/request-vocabulary";

/**
 * A request's one way forward: a conditional UPDATE … WHERE state = <the state read>. The lead's
 * row lock already orders two decisions of one request; this keeps even a caller that forgot the
 * lock from deciding twice (count 0 → 409, nothing changed).
 */
export async function moveRequestState(
  tx: TTx,
  requestId: number,
  from: TRequestState,
  to: TRequestState,
  data: Omit<Prisma.LeadRequestUncheckedUpdateManyInput, "state"> = {},
): Promise<void> {
  const { count } = await tx.leadRequest.updateMany({ where: { id: requestId, state: from }, data: { ...data, state: to } });
  if (count !== 1) throw new AppError("CONFLICT", "This request was already decided; nothing changed.");
}
