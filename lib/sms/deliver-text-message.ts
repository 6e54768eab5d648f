import "server-only";
import { db } from "@/lib/db";
import type { TextMessage } from "@/lib/generated/prisma/client";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { lockLead } from "@/lib/leads/lead-transaction";
import { systemStepTarget } from "@/lib/leads/lead-rules";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { logger } from "@/lib/logger";
import { smsConfig, statusCallbackUrl, type TSmsConfig } from "@/lib/sms/sms-config";
import { applyOptKeyword, optOutRefusal } from "@/lib/sms/text-opt-outs";
import { textSendingWindow } from "@/lib/sms/text-sending-window";
import { twilioClient } from "@/lib/sms/twilio-client";

type TOutcome = { status: "sent" | "simulated" | "failed"; twilioSid?: string | null; fromPhone?: string | null; error?: string | null; errorCode?: number | null };
type TVerdict = { retry: boolean; reason: string; errorCode?: number; waitMs?: number };

// Twilio's error 21610: the recipient replied STOP to this sender. Twilio refuses every later
// send, so the number joins our own list too.
const TWILIO_UNSUBSCRIBED = 21610;
// Connection failures before any byte reached Twilio are safe to retry; a timeout or a reset
// mid-request is not (Twilio may have accepted it), so those fail and a person decides.
const NOT_DELIVERED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function classify(err: unknown, config: TSmsConfig): TVerdict {
  const e = err as { status?: unknown; code?: unknown; message?: string; moreInfo?: string };
  if (typeof e.status === "number") {
    const code = typeof e.code === "number" ? e.code : undefined;
    const reason = `Twilio answered ${e.status}${code ? ` (error ${code})` : ""}: ${e.message || "no reason given"}`;
    return { retry: e.status === 429 || e.status >= 500, reason, errorCode: code };
  }
  const code = typeof e.code === "string" ? e.code : "";
  if (NOT_DELIVERED.has(code)) return { retry: true, reason: `Could not reach Twilio at ${config.apiBaseUrl} (${code})` };
  return { retry: false, reason: `No answer from Twilio (${code || e.message || "unknown error"}); it may or may not have been sent` };
}

/** Writes the outcome; a sent (or kept) text is also a sales action that starts the lead's work, in the same transaction. */
async function finish(m: TextMessage, outcome: TOutcome, now: Date): Promise<TextMessage> {
  await db.$transaction(async (tx) => {
    const done = await tx.textMessage.updateMany({
      where: { id: m.id, status: "queued" },
      data: {
        status: outcome.status,
        twilioSid: outcome.twilioSid ?? null,
        fromPhone: outcome.fromPhone ?? m.fromPhone,
        error: outcome.error ?? null,
        errorCode: outcome.errorCode ?? null,
        sentAt: outcome.status === "failed" ? null : now,
      },
    });
    if (outcome.errorCode === TWILIO_UNSUBSCRIBED) await applyOptKeyword(tx, m.toPhone, "stop", "STOP");
    if (done.count === 0 || outcome.status === "failed" || m.leadId === null || m.senderId === null) return;
    await tx.salesAction.create({
      data: { leadId: m.leadId, adminId: m.senderId, actionType: "text", actionDescription: `Text: ${m.body.slice(0, 120)}`, notes: `To ${m.toPhone}`, createdAt: now },
    });
    // As an email: the first contact moves an assigned lead to in_progress (the lead rules'
    // text_delivered step, which leaves a lead released or closed meanwhile as it is).
    const lead = await lockLead(tx, m.leadId);
    const toStatus = systemStepTarget("text_delivered", lead) ?? lead.status;
    await tx.salesLead.update({ where: { id: m.leadId }, data: { lastContactAt: now, status: toStatus } });
    if (toStatus !== lead.status) await recordLeadEvent(tx, { leadId: m.leadId, actorId: m.senderId, type: "status_changed", fromStatus: lead.status, toStatus });
    await recordLeadEvent(tx, {
      leadId: m.leadId,
      actorId: m.senderId,
      type: "text_sent",
      data: { messageId: m.id, to: m.toPhone, status: outcome.status, templateId: m.templateId, templateVersion: m.templateVersion },
    });
  });
  return db.textMessage.findUniqueOrThrow({ where: { id: m.id } });
}

export type TDeliverText = { message: TextMessage; retryAfterMs: number | null };

/**
 * One attempt at Twilio for a queued text. Like email (deliver-email-message.ts): a text may be
 * claimed when never attempted (attempts 0) or waiting for a retry (an error recorded while still
 * queued); the claim is a conditional update on exactly that state, so of any number of
 * simultaneous calls one sends. Before the claim, every attempt checks the opt-out list (a STOP may
 * have arrived since it was queued: the text fails) and the lead's sending hours (closed: it waits,
 * and `retryAfterMs` says until when). 429, 5xx and an unreachable Twilio leave it queued with the
 * reason; after TWILIO_MAX_ATTEMPTS it is failed.
 */
export async function deliverTextMessage(messageId: number, now: Date = new Date()): Promise<TDeliverText> {
  const found = await db.textMessage.findUniqueOrThrow({ where: { id: messageId } });
  if (found.direction !== "outbound" || found.status !== "queued" || (found.attempts > 0 && found.error === null)) return { message: found, retryAfterMs: null };

  const refusal = await optOutRefusal(found.toPhone);
  if (refusal) return { message: await finish(found, { status: "failed", error: refusal }, now), retryAfterMs: null };

  if (found.sendAfter && found.sendAfter > now) return { message: found, retryAfterMs: found.sendAfter.getTime() - now.getTime() };
  if (found.leadId !== null) {
    const [settings, lead] = await Promise.all([
      getCompanySettings(),
      db.salesLead.findUniqueOrThrow({ where: { id: found.leadId }, select: { company: { select: { state: true } } } }),
    ]);
    const window = textSendingWindow(now, lead.company.state, settings.timeZone, settings.textSendingHours);
    if (!window.open) {
      if (!window.next) return { message: await finish(found, { status: "failed", error: "No texting hours are set: nothing can be sent." }, now), retryAfterMs: null };
      // Held to the next allowed instant (a retry that fell outside the hours, a deferred text).
      const message = await db.textMessage.update({ where: { id: messageId }, data: { sendAfter: window.next } });
      return { message, retryAfterMs: window.next.getTime() - now.getTime() };
    }
  }

  const attempt = found.attempts + 1;
  const claimed = await db.textMessage.updateMany({
    where: { id: messageId, status: "queued", attempts: found.attempts, error: found.error },
    data: { attempts: attempt, error: null },
  });
  if (claimed.count === 0) return { message: await db.textMessage.findUniqueOrThrow({ where: { id: messageId } }), retryAfterMs: null };
  const config = smsConfig();
  if (config.outbox) return { message: await finish(found, { status: "simulated" }, now), retryAfterMs: null };

  const callback = statusCallbackUrl(config);
  try {
    const sent = await twilioClient(config).messages.create({
      to: found.toPhone,
      body: found.body,
      ...(config.messagingServiceSid ? { messagingServiceSid: config.messagingServiceSid } : { from: config.from! }),
      ...(callback ? { statusCallback: callback } : {}),
    });
    logger.info({ textMessageId: found.id, twilioSid: sent.sid }, "text sent");
    return { message: await finish(found, { status: "sent", twilioSid: sent.sid, fromPhone: sent.from ?? config.from }, now), retryAfterMs: null };
  } catch (err) {
    const verdict = classify(err, config);
    if (!verdict.retry || attempt >= config.maxAttempts) {
      const note = verdict.retry ? ` (gave up after ${attempt} attempts)` : "";
      return { message: await finish(found, { status: "failed", error: `${verdict.reason}${note}`, errorCode: verdict.errorCode ?? null }, now), retryAfterMs: null };
    }
    await db.textMessage.updateMany({
      where: { id: messageId, status: "queued", attempts: attempt },
      data: { error: `${verdict.reason} (attempt ${attempt} of ${config.maxAttempts}; trying again shortly)` },
    });
    return { message: await db.textMessage.findUniqueOrThrow({ where: { id: messageId } }), retryAfterMs: config.retryDelayMs * 2 ** (attempt - 1) };
  }
}
