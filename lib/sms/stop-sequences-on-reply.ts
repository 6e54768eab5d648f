import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { stopLeadEnrolments } from "@/lib/sequences/stop-lead-enrolments";

/**
 * The place an inbound text stops the lead's sequence: called by recordInboundText inside the
 * transaction that stores the reply, so the stop commits with it. A STOP (or another opt-out word)
 * stops it as `unsubscribed`, any other text as `replied`, the words the sequence report counts.
 */
export async function stopSequencesOnReply(
  tx: Prisma.TransactionClient,
  reply: { leadId: number; messageId: number; optedOut: boolean },
): Promise<void> {
  await stopLeadEnrolments(tx, reply.leadId, reply.optedOut ? "unsubscribed" : "replied");
}
