import "server-only";
import { db } from "@/lib/db";
import { deliverEmailMessage } from "@/lib/email/deliver-email-message";

// A message is delivered in the request that queued it (dispatchEmail). If the server stops in
// between, the row stays "queued" and nobody sees why. Delivery, retries and backoff included,
// finishes within a minute; a message queued and untouched for longer than this was abandoned.
export const STUCK_EMAIL_AFTER_MS = 10 * 60_000;

export const INTERRUPTED_EMAIL_REASON =
  "Interrupted while sending (the server stopped): SendGrid may or may not have it. Check with the recipient before you retry.";

/**
 * Finishes what a stopped server left queued. Never attempted (attempts 0): sent now, safely, as
 * delivery claims the row first. Interrupted mid-send: failed with the reason, since SendGrid may
 * already have it and a second send is a person's call (the outbox and the lead page offer Retry).
 * Safe to run from several processes at once: every change is conditional on the row as found.
 */
export async function recoverStuckEmailMessages(now = new Date()): Promise<{ sent: number; failed: number }> {
  const before = new Date(now.getTime() - STUCK_EMAIL_AFTER_MS);
  const interrupted = await db.emailMessage.updateMany({
    where: { status: "queued", attempts: { gte: 1 }, updatedAt: { lt: before } },
    data: { status: "failed", error: INTERRUPTED_EMAIL_REASON },
  });
  const abandoned = await db.emailMessage.findMany({
    where: { status: "queued", attempts: 0, updatedAt: { lt: before } },
    select: { id: true, toEmail: true },
    orderBy: { id: "asc" },
    take: 100,
  });
  // An address suppressed since it was queued (a bounce meanwhile) is not written to now.
  const suppressed = new Set(
    (await db.emailSuppression.findMany({ where: { email: { in: abandoned.map((m) => m.toEmail) } }, select: { email: true } })).map((s) => s.email),
  );
  let sent = 0;
  let failed = interrupted.count;
  for (const { id, toEmail } of abandoned) {
    if (suppressed.has(toEmail)) {
      const refused = await db.emailMessage.updateMany({
        where: { id, status: "queued", attempts: 0 },
        data: { status: "failed", error: `Not sent: ${toEmail} was suppressed while the message waited.` },
      });
      failed += refused.count;
      continue;
    }
    const m = await deliverEmailMessage(id);
    if (m.status === "sent" || m.status === "simulated") sent++;
    else if (m.status === "failed") failed++;
  }
  return { sent, failed };
}
