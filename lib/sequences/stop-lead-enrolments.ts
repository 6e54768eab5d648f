import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import type { TStopReason } from "@/lib/sequences/sequence-vocabulary";

/**
 * Stops the lead's running (active or paused) enrolment, inside the caller's transaction, with the
 * reason the lead page and the sequence report show. Every place that ends a sequence's reason to
 * write calls it: a reply, a bounce or unsubscribe, convert, mark lost, reassign, release,
 * auto-return, and any new owner change (a handoff). The step job checks the same conditions
 * again when a step comes due, so a change that does not call this (the order webhook's SQL
 * conversion) still stops the enrolment before anything more is sent. Returns how many stopped.
 */
export async function stopLeadEnrolments(
  tx: Prisma.TransactionClient,
  leadId: number,
  reason: TStopReason,
  actorId: number | null = null,
): Promise<number> {
  const stopped = await tx.$queryRaw<{ id: number; sequence_id: number; position: number }[]>`
    UPDATE sequence_enrolments
       SET status = 'stopped', stop_reason = ${reason}, stopped_at = now(), next_run_at = NULL, updated_at = now()
     WHERE lead_id = ${leadId} AND status = ANY (ARRAY['active', 'paused'])
     RETURNING id, sequence_id, position`;
  for (const e of stopped)
    await recordLeadEvent(tx, {
      leadId,
      actorId,
      type: "sequence_stopped",
      data: { enrolmentId: e.id, sequenceId: e.sequence_id, reason, atStep: e.position },
    });
  return stopped.length;
}
