import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertNotSuppressed, sentEmailResult, type TSentEmail } from "@/lib/email/dispatch-email";
import { deliverEmailMessage } from "@/lib/email/deliver-email-message";
import { assertStep } from "@/lib/leads/lead-rules";
import { queueEmailDelivery } from "@/lib/email/queue-email-delivery";
import { command } from "@/lib/command";

export const ZRetryEmailMessage = z.object({ messageId: z.coerce.number().int().positive() });

/**
 * Sends a failed message again, same text. Flipping failed → queued is a conditional update and
 * delivery claims the row again, so two simultaneous retries still send it once. A 429 or 5xx
 * hands it to the job runner, as for a first send.
 */
export const retryEmailMessage = command(ZRetryEmailMessage, async (actor, data): Promise<TSentEmail> => {
  const m = await db.emailMessage.findUnique({
    where: { id: data.messageId },
    select: {
      id: true,
      senderId: true,
      toEmail: true,
      status: true,
      lead: { select: { assignedAdminId: true, status: true } },
    },
  });
  if (!m || (!m.lead && m.senderId !== actor.id)) throw new AppError("NOT_FOUND", "Message not found");
  if (m.lead) assertStep(actor, "email", m.lead);
  if (m.status !== "failed")
    throw new AppError("CONFLICT", `This message is ${m.status}, not failed: nothing to retry.`);
  await assertNotSuppressed(m.toEmail);
  const reset = await db.emailMessage.updateMany({
    where: { id: m.id, status: "failed" },
    data: { status: "queued", attempts: 0, error: null },
  });
  if (reset.count === 0) throw new AppError("CONFLICT", "Someone is already retrying this message.");
  const { message, retryAfterMs } = await deliverEmailMessage(m.id);
  if (retryAfterMs !== null) await queueEmailDelivery(m.id, retryAfterMs);
  return sentEmailResult(message, false);
});
