import "server-only";
import { db } from "@/lib/db";
import { deliverTextMessage } from "@/lib/sms/deliver-text-message";
import { queueTextDelivery } from "@/lib/sms/queue-text-delivery";
import { smsConfig } from "@/lib/sms/sms-config";

export const INTERRUPTED_TEXT_REASON =
  "Interrupted while sending (the server stopped): Twilio may or may not have it. Check with the recipient before you send again.";

/** A send in flight longer than this (Twilio's timeout, twice, and a margin) was interrupted. */
export function textInFlightGraceMs(): number {
  return 2 * smsConfig().timeoutMs + 30_000;
}

/**
 * The text-deliver job: one more attempt for a queued text. Idempotent: a text that is no longer
 * queued is left alone, and the attempt claims the row first, so a job that runs twice sends once.
 * A transient Twilio answer throws, and pg-boss retries with the kind's backoff; a text held for
 * its sending hours gets a new job at the allowed time.
 */
export async function deliverQueuedText({ messageId }: { messageId: number }): Promise<{ messageId: number; status: string }> {
  const m = await db.textMessage.findUnique({ where: { id: messageId }, select: { status: true, attempts: true, error: true, updatedAt: true } });
  if (!m || m.status !== "queued") return { messageId, status: m?.status ?? "missing" };
  if (m.attempts > 0 && m.error === null) {
    // Claimed by a send that has not finished: Twilio may have that one, so the machine never
    // sends it again once the grace has passed — it fails, for a person.
    if (Date.now() - m.updatedAt.getTime() < textInFlightGraceMs()) throw new Error(`text ${messageId} is being sent by another process; looking again later`);
    const failed = await db.textMessage.updateMany({
      where: { id: messageId, status: "queued", attempts: m.attempts, error: null, updatedAt: m.updatedAt },
      data: { status: "failed", error: INTERRUPTED_TEXT_REASON },
    });
    return { messageId, status: failed.count ? "failed" : "queued" };
  }
  const { message, retryAfterMs } = await deliverTextMessage(messageId);
  if (retryAfterMs !== null) {
    if (message.error) throw new Error(message.error);
    // Outside the sending hours: a new job at the allowed time (no error, nothing to retry).
    await queueTextDelivery(messageId, retryAfterMs);
    return { messageId, status: "held" };
  }
  return { messageId, status: message.status };
}
