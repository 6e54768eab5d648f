import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EmailMessage } from "@/lib/generated/prisma/client";
import { deliverEmailMessage } from "@/lib/email/deliver-email-message";
import { inFlightGraceMs } from "@/lib/email/deliver-queued-email";
import { jobSender } from "@/lib/jobs/job-boss";
import { queueEmailDelivery } from "@/lib/email/queue-email-delivery";
import { emailConfig, formatAddress, replyToAddress } from "@/lib/email/email-config";
import type { TEmailSender } from "@/lib/email/lead-variables";
import type { TRendered } from "@/lib/email/render-template";

export type TSentEmail = {
  id: number;
  status: string;
  sendgridMessageId: string | null;
  subject: string;
  to: string;
  outbox: boolean;
  /** True when this call found the message already made by an earlier call with the same key. */
  replayed: boolean;
  /** Set while the message waits for an automatic retry (SendGrid answered 429 or 5xx): why. */
  retrying: string | null;
};

const SUPPRESSION_WORDS: Record<string, string> = {
  bounce: "bounced",
  dropped: "was dropped by SendGrid",
  spamreport: "reported an earlier email as spam",
  unsubscribe: "unsubscribed",
};

/**
 * The reply token is also the idempotency record: derived from the sender and the client's key,
 * a retried request finds the message the first request made (reply_token is unique) instead of
 * making and sending a second one. Without a key it is simply random.
 */
function replyTokenFor(senderId: number, idempotencyKey?: string): string {
  if (!idempotencyKey) return crypto.randomBytes(16).toString("hex");
  return crypto.createHash("sha256").update(`pilot-email:${senderId}:${idempotencyKey}`).digest("hex").slice(0, 32);
}

/** The caller's answer for a delivered message; a failed one becomes an error carrying SendGrid's reason. */
export function sentEmailResult(m: EmailMessage, replayed: boolean): TSentEmail {
  if (m.status === "failed") {
    // SendGrid's own reason reaches the rep; 4xx will not pass on a retry, 5xx/429 might later.
    const transient = /answered (429|5\d\d)|Could not reach/.test(m.error ?? "");
    throw new AppError(transient ? "UNAVAILABLE" : "UNPROCESSABLE", `Not sent. ${m.error ?? "SendGrid refused the message."}`);
  }
  const retrying = m.status === "queued" ? (m.error ?? "Sending…") : null;
  return { id: m.id, status: m.status, sendgridMessageId: m.sendgridMessageId, subject: m.subject, to: m.toEmail, outbox: m.status === "simulated", replayed, retrying };
}

export async function assertNotSuppressed(email: string): Promise<void> {
  const s = await db.emailSuppression.findUnique({ where: { email: email.toLowerCase() } });
  if (!s) return;
  const when = s.createdAt.toISOString().slice(0, 10);
  throw new AppError("UNPROCESSABLE", `Not sent: ${email} ${SUPPRESSION_WORDS[s.reason] ?? s.reason} (${when}), so it is suppressed. Write to another address.`, [
    { path: "to", message: `${email} is suppressed (${s.reason})` },
  ]);
}

/** Records the message as queued with its delivery job, then tries it once (or, in outbox mode, keeps it). */
export async function dispatchEmail(input: {
  sender: TEmailSender & { id: number };
  leadId: number | null;
  to: string;
  rendered: TRendered;
  template: { id: number; version: number } | null;
  idempotencyKey?: string;
}): Promise<TSentEmail> {
  const { sender, leadId, to, rendered, template } = input;
  const replyToken = replyTokenFor(sender.id, input.idempotencyKey);
  const earlier = await db.emailMessage.findUnique({ where: { replyToken } });
  if (earlier) return replay(earlier, leadId, to);

  await assertNotSuppressed(to);
  const config = emailConfig();
  const from = config.from;
  if (!from) throw new AppError("UNAVAILABLE", "Email is not configured: SENDGRID_FROM is not set.");
  // The sender is made ready outside the transaction: starting it uses other connections.
  await jobSender();
  let message: EmailMessage;
  try {
    // The message and its email-deliver job commit together: a message is never left queued
    // without a job (this process stopping before or during the first try below), and a rolled
    // back message leaves no job. The job waits out the first try's longest possible run
    // (inFlightGraceMs), so it finds the message sent, or finishes what the request could not.
    message = await db.$transaction(async (tx) => {
      const created = await tx.emailMessage.create({
        data: {
          leadId,
          senderId: sender.id,
          templateId: template?.id ?? null,
          templateVersion: template?.version ?? null,
          toEmail: to.toLowerCase(),
          fromEmail: formatAddress({ email: from.email, name: from.name ?? sender.name }),
          replyTo: formatAddress(replyToAddress(config, replyToken, sender)),
          replyToken,
          subject: rendered.subject,
          bodyText: rendered.text,
          bodyHtml: rendered.html,
          status: "queued",
        },
      });
      const jobId = await queueEmailDelivery(created.id, inFlightGraceMs(), tx);
      // pg-boss answers null instead of failing when the queue is missing: never a message without its job.
      if (!jobId) throw new Error(`email-deliver did not take the job of message ${created.id}`);
      return created;
    });
  } catch (err) {
    // The same key arriving twice at once: the unique token lets exactly one insert win.
    if ((err as { code?: string }).code !== "P2002") throw err;
    return replay(await db.emailMessage.findUniqueOrThrow({ where: { replyToken } }), leadId, to);
  }
  return sentEmailResult(await deliverNowOrLater(message.id), false);
}

/** The first attempt happens here, so the rep sees SendGrid's answer; a 429 or 5xx goes to the job runner. */
async function deliverNowOrLater(messageId: number): Promise<EmailMessage> {
  const { message, retryAfterMs } = await deliverEmailMessage(messageId);
  if (retryAfterMs !== null) await queueEmailDelivery(messageId, retryAfterMs);
  return message;
}

async function replay(m: EmailMessage, leadId: number | null, to: string): Promise<TSentEmail> {
  if (m.leadId !== leadId || m.toEmail !== to.toLowerCase())
    throw new AppError("CONFLICT", "This send was already used for another message; reload and send again.");
  // A message that was recorded but never attempted (the first request died in between) goes now.
  const current = m.status === "queued" ? await deliverNowOrLater(m.id) : m;
  return sentEmailResult(current, true);
}
