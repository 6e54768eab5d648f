import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/leads/lead-transaction";

/**
 * Inserts a request. While it is open, the partial unique index lead_requests_one_open_idx admits
 * no other open request for the lead: a second proposal (also one made at the same moment, which
 * waits for the first's lock and then meets its committed row) fails with 23505, answered 409.
 */
export async function insertOpenRequest(tx: TTx, data: Prisma.LeadRequestUncheckedCreateInput) {
  try {
    return await tx.leadRequest.create({ data, select: { id: true } });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002")
      throw new AppError("CONFLICT", "This lead already has an open request; it must be decided or withdrawn first.");
    throw err;
  }
}
