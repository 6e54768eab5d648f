import "server-only";
import { z } from "zod";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";
import { ZLeadId } from "@/lib/leads/lead-input";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { leadTransaction } from "@/lib/leads/lead-transaction";
import { STATUS_LABELS } from "@/lib/leads/lead-vocabulary";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { assertClaimAllowed } from "@/lib/territories/assert-claim-allowed";

export const ZClaimLead = z.object({ lead_id: ZLeadId });
export type TClaimLead = z.input<typeof ZClaimLead>;

/**
 * First come, first served: one conditional UPDATE … WHERE status = 'pending'. PostgreSQL
 * re-checks the condition after waiting for a competing writer's row lock, so of any number of
 * simultaneous claims exactly one sees count 1; the others get a 409 naming who was first.
 */
export async function claimLead(actor: TActor, input: TClaimLead): Promise<TLeadSnapshot> {
  assertCan(actor, "lead.claim");
  const parsed = ZClaimLead.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const leadId = parsed.data.lead_id;

  return leadTransaction(async (tx) => {
    const { count } = await tx.salesLead.updateMany({
      where: { id: leadId, status: "pending" },
      data: { status: "assigned", assignedAdminId: actor.id, assignedAt: new Date() },
    });
    if (count === 0) {
      const current = await tx.salesLead.findUnique({
        where: { id: leadId },
        select: { status: true, assignedAdmin: { select: { id: true, name: true } } },
      });
      if (!current) throw new AppError("NOT_FOUND", "Lead not found");
      if (current.assignedAdmin?.id === actor.id)
        throw new AppError("CONFLICT", "You already have this lead.");
      if (current.assignedAdmin && current.status !== "converted" && current.status !== "lost")
        throw new AppError("CONFLICT", `${current.assignedAdmin.name} claimed this lead first.`);
      throw new AppError(
        "CONFLICT",
        `This lead is ${STATUS_LABELS[current.status].toLowerCase()}; only pending leads can be claimed.`,
      );
    }
    const claimed = await tx.salesLead.findUniqueOrThrow({ where: { id: leadId }, select: LEAD_SNAPSHOT_SELECT });
    // Strict territory mode: a refusal here throws and rolls the won claim back.
    await assertClaimAllowed(tx, actor, claimed);
    await recordLeadEvent(tx, {
      leadId,
      actorId: actor.id,
      type: "claimed",
      fromStatus: "pending",
      toStatus: "assigned",
    });
    return toLeadSnapshot(claimed);
  });
}
