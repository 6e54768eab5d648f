import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { stopLeadEnrolments } from "@/lib/sequences/stop-lead-enrolments";

/**
 * The place an inbound text (a reply, or STOP) stops the lead's sequences. Called by
 * recordInboundText inside the transaction that stores the reply, so the stop commits with it:
 * a reply is `replied`, a STOP `unsubscribed` (lib/sequences/stop-lead-enrolments.ts).
 */
export async function stopSequencesOnReply(
  tx: Prisma.TransactionClient,
  reply: { leadId: number; messageId: number; optedOut: boolean },
): Promise<void> {
  await stopLeadEnrolments(tx, reply.leadId, reply.optedOut ? "unsubscribed" : "replied");
}
