import "server-only";
import { db } from "@/lib/db";
import { deliverEmailMessage } from "@/lib/email/deliver-email-message";
import { emailConfig } from "@/lib/email/email-config";

export const INTERRUPTED_EMAIL_REASON =
  "Interrupted while sending (the server stopped): SendGrid may or may not have it. Check with the recipient before you retry.";

/** A send in flight longer than this (SendGrid's timeout, twice, and a margin) was interrupted. */
export function inFlightGraceMs(): number {
  return 2 * emailConfig().timeoutMs + 30_000;
}

/**
 * The email-deliver job: one more attempt for a queued message. Idempotent: a message that is no
 * longer queued is left alone, and the attempt claims the row first (deliverEmailMessage), so a
 * job that runs twice sends once. A transient SendGrid answer throws, and pg-boss retries the job
 * with the kind's backoff; deliverEmailMessage stops at SENDGRID_MAX_ATTEMPTS by failing the message.
 */
export async function deliverQueuedEmail({ messageId }: { messageId: number }): Promise<{ messageId: number; status: string }> {
  const m = await db.emailMessage.findUnique({ where: { id: messageId }, select: { status: true, attempts: true, error: true, updatedAt: true } });
  if (!m || m.status !== "queued") return { messageId, status: m?.status ?? "missing" };
  if (m.attempts > 0 && m.error === null) {
    // Claimed by a send that has not finished: still in flight, or its process stopped mid-send.
    // SendGrid may have that one, so it is never sent again by the machine: failed, for a person.
    if (Date.now() - m.updatedAt.getTime() < inFlightGraceMs()) throw new Error(`email ${messageId} is being sent by another process; looking again later`);
    const failed = await db.emailMessage.updateMany({
      where: { id: messageId, status: "queued", attempts: m.attempts, error: null, updatedAt: m.updatedAt },
      data: { status: "failed", error: INTERRUPTED_EMAIL_REASON },
    });
    return { messageId, status: failed.count ? "failed" : "queued" };
  }
  const { message, retryAfterMs } = await deliverEmailMessage(messageId);
  if (retryAfterMs !== null) throw new Error(message.error ?? "SendGrid asked to try again later");
  return { messageId, status: message.status };
}
