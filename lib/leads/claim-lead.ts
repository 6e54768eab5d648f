import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { ZLeadId } from "@/lib/leads/lead-input";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { assertStep, type TRuleLead } from "@/lib/leads/lead-rules";
import { leadTransaction, type TTx } from "@/lib/leads/lead-transaction";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { publishLeadChange } from "@/lib/live/publish-lead-change";
import { assertClaimAllowed } from "@/lib/territories/assert-claim-allowed";
import { command } from "@/lib/command";

export const ZClaimLead = z.object({ lead_id: ZLeadId });
export type TClaimLead = z.input<typeof ZClaimLead>;

const POOL_LEAD: TRuleLead = { status: "pending", assignedAdminId: null };

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
export const claimLead = command(ZClaimLead, async (actor, data): Promise<TLeadSnapshot> => {
  const leadId = data.lead_id;

  // The update below only ever takes a pool lead: ask the table whether this actor may claim one.
  const toStatus = assertStep(actor, "claim", POOL_LEAD);
  return leadTransaction(async (tx) => {
    const { count } = await tx.salesLead.updateMany({
      where: { id: leadId, status: POOL_LEAD.status },
      data: { status: toStatus, assignedAdminId: actor.id, assignedAt: new Date() },
    });
    // Not a pool lead (any more): the table says why, naming whoever was first.
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
      fromStatus: POOL_LEAD.status,
      toStatus,
    });
    await publishLeadChange(tx, "lead.claimed", claimed, { actorId: actor.id });
    return toLeadSnapshot(claimed);
  });
});
