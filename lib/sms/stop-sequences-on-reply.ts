import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

/**
 * The place an inbound text (a reply, or STOP) stops the lead's sequences. Called by
 * recordInboundText inside the transaction that stores the reply, so a stop commits with it.
 * Sequences (lib/sequences/) are another branch's work: until they land on main, the reply is
 * recorded — a text_messages row (direction `inbound`, the lead's id) and a `text_received` lead
 * event — and this hook is where the sequences module's stop function is to be called with `tx`.
 */
export async function stopSequencesOnReply(
  tx: Prisma.TransactionClient,
  reply: { leadId: number; messageId: number; optedOut: boolean },
): Promise<void> {
  logger.info(reply, "lead replied by text");
}
