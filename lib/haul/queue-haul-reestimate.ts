import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sendJob } from "@/lib/jobs/send-job";

/**
 * Inside the transaction of a pricing change: queue the re-estimate of open leads. The kind's
 * `short` policy with one key keeps one waiting job, so a burst of edits prices the leads once.
 * Call `await jobSender()` before opening the transaction.
 */
export async function queueHaulReestimate(tx: Prisma.TransactionClient): Promise<void> {
  await sendJob("haul-reestimate", {}, { singletonKey: "haul-reestimate", transaction: tx });
}
