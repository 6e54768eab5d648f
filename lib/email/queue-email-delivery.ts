import "server-only";
import { sendJob } from "@/lib/jobs/send-job";

/** Hands a queued message to the job runner (kind email-deliver), to be tried after `delayMs`. */
export async function queueEmailDelivery(messageId: number, delayMs = 0): Promise<string | null> {
  return sendJob("email-deliver", { messageId }, { singletonKey: `email-message:${messageId}`, ...(delayMs > 0 ? { startAfter: delayMs / 1000 } : {}) });
}
