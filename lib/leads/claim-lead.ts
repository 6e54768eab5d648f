import "server-only";
import { z } from "zod";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";
import { ZLeadId } from "@/lib/leads/lead-input";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { assertStep, type TRuleLead } from "@/lib/leads/lead-rules";
import { leadTransaction, type TTx } from "@/lib/leads/lead-transaction";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { assertClaimAllowed } from "@/lib/territories/assert-claim-allowed";

export const ZClaimLead = z.object({ lead_id: ZLeadId });
export type TClaimLead = z.input<typeof ZClaimLead>;

/** The lead as the claim rule sees it, with its holder's name for "… claimed this lead first". */
async function readClaimState(tx: TTx, leadId: number): Promise<TRuleLead> {
  const lead = await tx.salesLead.findUnique({
    where: { id: leadId },
    select: { status: true, assignedAdminId: true, assignedAdmin: { select: { name: true } } },
  });
  if (!lead) throw new AppError("NOT_FOUND", "Lead not found");
  return { status: lead.status, assignedAdminId: lead.assignedAdminId, holderName: lead.assignedAdmin?.name };
}

/**
 * First come, first served: one conditional UPDATE … WHERE status = 'pending'. PostgreSQL
 * re-checks the condition after waiting for a competing writer's row lock, so of any number of
 * simultaneous claims exactly one sees count 1; the others get a 409 naming who was first.
 */
export async function claimLead(actor: TActor, input: TClaimLead): Promise<TLeadSnapshot> {
  const parsed = ZClaimLead.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const leadId = parsed.data.lead_id;

  return leadTransaction(async (tx) => {
    const before = await readClaimState(tx, leadId);
    const toStatus = assertStep(actor, "claim", before);
    const { count } = await tx.salesLead.updateMany({
      where: { id: leadId, status: before.status },
      data: { status: toStatus, assignedAdminId: actor.id, assignedAt: new Date() },
    });
    // Lost the race: the winner's claim is committed now, and the refusal names them.
    if (count === 0) {
      assertStep(actor, "claim", await readClaimState(tx, leadId));
      throw new AppError("CONFLICT", "Someone else claimed this lead first.");
    }
    const claimed = await tx.salesLead.findUniqueOrThrow({ where: { id: leadId }, select: LEAD_SNAPSHOT_SELECT });
    // Strict territory mode: a refusal here throws and rolls the won claim back.
    await assertClaimAllowed(tx, actor, claimed);
    await recordLeadEvent(tx, {
      leadId,
      actorId: actor.id,
      type: "claimed",
      fromStatus: before.status,
      toStatus,
    });
    return toLeadSnapshot(claimed);
  });
}
