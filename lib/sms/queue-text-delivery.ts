import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sendJob } from "@/lib/jobs/send-job";

/**
 * Hands a queued text to the job runner (kind text-deliver), to be tried after `delayMs`.
 * With `transaction`, the job is queued in it: it exists exactly when the transaction commits.
 */
export async function queueTextDelivery(messageId: number, delayMs = 0, transaction?: Prisma.TransactionClient): Promise<string | null> {
  return sendJob(
    "text-deliver",
    { messageId },
    { singletonKey: `text-message:${messageId}:${Date.now() + delayMs}`, ...(delayMs > 0 ? { startAfter: Math.ceil(delayMs / 1000) } : {}), ...(transaction ? { transaction } : {}) },
  );
}
