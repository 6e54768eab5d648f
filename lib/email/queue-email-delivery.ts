import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sendJob } from "@/lib/jobs/send-job";

/**
 * Hands a queued message to the job runner (kind email-deliver), to be tried after `delayMs`.
 * With `transaction`, the job is queued in it: it exists exactly when the transaction commits.
 */
export async function queueEmailDelivery(messageId: number, delayMs = 0, transaction?: Prisma.TransactionClient): Promise<string | null> {
  return sendJob(
    "email-deliver",
    { messageId },
    { singletonKey: `email-message:${messageId}`, ...(delayMs > 0 ? { startAfter: delayMs / 1000 } : {}), ...(transaction ? { transaction } : {}) },
  );
}
