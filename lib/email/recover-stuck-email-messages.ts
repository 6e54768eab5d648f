import "server-only";
import { db } from "@/lib/db";
import { INTERRUPTED_EMAIL_REASON } from "@/lib/email/deliver-queued-email";
import { queueEmailDelivery } from "@/lib/email/queue-email-delivery";

// A message is tried in the request that queued it (dispatchEmail) and, after a 429 or 5xx, by
// an email-deliver job. If a server stops in between (before the first try, or before the job
// was queued) the row stays "queued" and nobody would look at it again. Retries wait minutes at
// most, so a message queued and untouched for longer than this was abandoned.
export const STUCK_EMAIL_AFTER_MS = 10 * 60_000;

export { INTERRUPTED_EMAIL_REASON };

/**
 * The email-recover-stuck job (every 5 minutes). Never attempted, or waiting for a retry whose
 * job was lost: handed to the job runner (email-deliver). Interrupted mid-send: failed with the
 * reason, since SendGrid may already have it and a second send is a person's call (the outbox and
 * the lead page offer Retry). Safe to run twice at once: every change is conditional on the row as found.
 */
export async function recoverStuckEmailMessages(now = new Date()): Promise<{ queued: number; failed: number }> {
  const before = new Date(now.getTime() - STUCK_EMAIL_AFTER_MS);
  const interrupted = await db.emailMessage.updateMany({
    where: { status: "queued", attempts: { gte: 1 }, error: null, updatedAt: { lt: before } },
    data: { status: "failed", error: INTERRUPTED_EMAIL_REASON },
  });
  const abandoned = await db.emailMessage.findMany({
    where: { status: "queued", updatedAt: { lt: before }, OR: [{ attempts: 0 }, { error: { not: null } }] },
    select: { id: true, toEmail: true, attempts: true, updatedAt: true },
    orderBy: { id: "asc" },
    take: 100,
  });
  // An address suppressed since it was queued (a bounce meanwhile) is not written to now.
  const suppressed = new Set(
    (await db.emailSuppression.findMany({ where: { email: { in: abandoned.map((m) => m.toEmail) } }, select: { email: true } })).map((s) => s.email),
  );
  let queued = 0;
  let failed = interrupted.count;
  for (const m of abandoned) {
    const found = { id: m.id, status: "queued" as const, attempts: m.attempts, updatedAt: m.updatedAt };
    if (suppressed.has(m.toEmail)) {
      const refused = await db.emailMessage.updateMany({ where: found, data: { status: "failed", error: `Not sent: ${m.toEmail} was suppressed while the message waited.` } });
      failed += refused.count;
      continue;
    }
    // Touched, so the next sweep leaves it to the job just queued.
    const taken = await db.emailMessage.updateMany({ where: found, data: { updatedAt: now } });
    if (taken.count === 0) continue;
    await queueEmailDelivery(m.id);
    queued++;
  }
  return { queued, failed };
}
