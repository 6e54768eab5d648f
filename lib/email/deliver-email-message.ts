import "server-only";
import { db } from "@/lib/db";
import type { EmailMessage, Prisma } from "@/lib/generated/prisma/client";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { lockLead } from "@/lib/leads/lead-transaction";
import { systemStepTarget } from "@/lib/leads/lead-rules";
import { emailConfig, parseAddress, type TEmailConfig } from "@/lib/email/email-config";
import { mailService } from "@/lib/email/sendgrid-client";

type TMessage = Prisma.EmailMessageGetPayload<{ select: typeof MESSAGE_SELECT }>;
type TOutcome = { status: "sent" | "simulated" | "failed"; sendgridMessageId?: string | null; error?: string | null };
type TVerdict = { retry: boolean; reason: string; waitMs?: number };

const MESSAGE_SELECT = {
  id: true, leadId: true, senderId: true, templateId: true, templateVersion: true, toEmail: true, fromEmail: true,
  replyTo: true, subject: true, bodyText: true, bodyHtml: true, status: true,
} as const;

// Connection failures before any byte reached SendGrid are safe to retry; a timeout or a reset
// mid-request is not (SendGrid may have accepted it), so those fail and a person decides.
const NOT_DELIVERED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function sendgridReason(body: unknown): string | null {
  const errors = (body as { errors?: { message?: string; field?: string | null }[] } | null)?.errors;
  if (!Array.isArray(errors) || !errors.length) return null;
  return errors.map((e) => (e.field ? `${e.message} (${e.field})` : String(e.message))).join("; ");
}

function classify(err: unknown, config: TEmailConfig): TVerdict {
  const e = err as { code?: unknown; message?: string; response?: { headers?: Record<string, string>; body?: unknown } };
  if (typeof e.code === "number") {
    const status = e.code;
    const reason = `SendGrid answered ${status}${e.message ? ` ${e.message}` : ""}: ${sendgridReason(e.response?.body) ?? "no reason given"}`;
    const retryAfter = Number(e.response?.headers?.["retry-after"]);
    const waitMs = Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.min(retryAfter * 1000, 600_000) : undefined;
    return { retry: status === 429 || status >= 500, reason, waitMs };
  }
  const code = typeof e.code === "string" ? e.code : "";
  if (NOT_DELIVERED.has(code)) return { retry: true, reason: `Could not reach SendGrid at ${config.apiBaseUrl} (${code})` };
  return { retry: false, reason: `No answer from SendGrid (${code || e.message || "unknown error"}); it may or may not have been sent` };
}

/** Writes the outcome; a sent (or simulated) email is also a sales action and a timeline event, in the same transaction. */
async function finish(m: TMessage, outcome: TOutcome) {
  const now = new Date();
  await db.$transaction(async (tx) => {
    const done = await tx.emailMessage.updateMany({
      where: { id: m.id, status: "queued" },
      data: { status: outcome.status, sendgridMessageId: outcome.sendgridMessageId ?? null, error: outcome.error ?? null, sentAt: outcome.status === "failed" ? null : now },
    });
    if (done.count === 0 || outcome.status === "failed" || m.leadId === null) return;
    await tx.salesAction.create({
      data: { leadId: m.leadId, adminId: m.senderId, actionType: "email", actionDescription: `Email: ${m.subject}`, notes: `To ${m.toEmail}`, createdAt: now },
    });
    // An email is a sales action: it is a contact, and the first action moves an assigned lead to
    // in_progress (DESIGN §5; the lead rules' email_delivered step, which leaves a lead released
    // or closed meanwhile as it is). The follow-up date stays as the rep planned it.
    const lead = await lockLead(tx, m.leadId);
    const toStatus = systemStepTarget("email_delivered", lead) ?? lead.status;
    await tx.salesLead.update({ where: { id: m.leadId }, data: { lastContactAt: now, status: toStatus } });
    if (toStatus !== lead.status) await recordLeadEvent(tx, { leadId: m.leadId, actorId: m.senderId, type: "status_changed", fromStatus: lead.status, toStatus });
    await recordLeadEvent(tx, {
      leadId: m.leadId,
      actorId: m.senderId,
      type: "email_sent",
      data: { messageId: m.id, subject: m.subject, to: m.toEmail, status: outcome.status, templateId: m.templateId, templateVersion: m.templateVersion },
    });
  });
  return db.emailMessage.findUniqueOrThrow({ where: { id: m.id } });
}

/**
 * One attempt at SendGrid for a queued message. A message may be claimed when it was never
 * attempted (attempts 0) or waits for a retry (an error recorded while still queued); the claim is
 * a conditional update on exactly that state, so of any number of simultaneous calls one sends and
 * the others get the row as it is. A queued message with attempts and no error is in flight.
 * 429, 5xx and an unreachable SendGrid leave it queued with the reason and say when to try again;
 * the caller hands that to the job runner (queueEmailDelivery), which retries with backoff until
 * SENDGRID_MAX_ATTEMPTS attempts have been made.
 */
export async function deliverEmailMessage(messageId: number): Promise<{ message: EmailMessage; retryAfterMs: number | null }> {
  const found = await db.emailMessage.findUniqueOrThrow({ where: { id: messageId } });
  if (found.status !== "queued" || (found.attempts > 0 && found.error === null)) return { message: found, retryAfterMs: null };
  const attempt = found.attempts + 1;
  const claimed = await db.emailMessage.updateMany({
    where: { id: messageId, status: "queued", attempts: found.attempts, error: found.error },
    data: { attempts: attempt, error: null },
  });
  if (claimed.count === 0) return { message: await db.emailMessage.findUniqueOrThrow({ where: { id: messageId } }), retryAfterMs: null };
  const m = await db.emailMessage.findUniqueOrThrow({ where: { id: messageId }, select: MESSAGE_SELECT });
  const config = emailConfig();
  if (config.outbox) return { message: await finish(m, { status: "simulated" }), retryAfterMs: null };

  const from = parseAddress(m.fromEmail);
  const replyTo = m.replyTo ? parseAddress(m.replyTo) : null;
  try {
    const [response] = await mailService(config).send({
      to: { email: m.toEmail },
      from: from ?? m.fromEmail,
      ...(replyTo ? { replyTo } : {}),
      subject: m.subject,
      text: m.bodyText,
      html: m.bodyHtml,
      customArgs: { pilot_message_id: String(m.id) },
    });
    const headers = response.headers as Record<string, string | undefined>;
    return { message: await finish(m, { status: "sent", sendgridMessageId: headers["x-message-id"] ?? null }), retryAfterMs: null };
  } catch (err) {
    const verdict = classify(err, config);
    if (!verdict.retry || attempt >= config.maxAttempts) {
      const note = verdict.retry ? ` (gave up after ${attempt} attempts)` : "";
      return { message: await finish(m, { status: "failed", error: `${verdict.reason}${note}` }), retryAfterMs: null };
    }
    await db.emailMessage.updateMany({ where: { id: m.id, status: "queued", attempts: attempt }, data: { error: `${verdict.reason} (attempt ${attempt} of ${config.maxAttempts}; trying again shortly)` } });
    return {
      message: await db.emailMessage.findUniqueOrThrow({ where: { id: m.id } }),
      retryAfterMs: verdict.waitMs ?? config.retryDelayMs * 2 ** (attempt - 1),
    };
  }
}
