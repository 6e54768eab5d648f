/**
 * sendLeadText(actor, input, options?) — the one way the CRM texts a lead (the lead page's
 * composer, sequence text steps, anything later).
 *
 * Contract:
 * - actor: the person the text goes out as (its sender, and whose sales action it becomes). The
 *   lead rules' `text` step decides: the lead's holder or a manager, on an `assigned` or
 *   `in_progress` lead. A sequence run passes the lead's holder (a TActor loaded from users).
 *   A missing lead is 404 (AppError NOT_FOUND); someone else's lead 403; a pending or closed lead 409.
 * - input: { leadId, body? , templateId?, to?, idempotencyKey? }. At least one of body/templateId.
 *   body is the text as written, still with {{variables}} (the email templates' set, rendered by
 *   lib/email/render-template.ts); without a body the template's body is used. A variable this
 *   lead has no value for is a 400 naming it. `to` must be one of the lead's numbers (E.164 or as
 *   people write it); default the first (contacts first, then the company's).
 * - idempotencyKey (8–200 characters, globally unique: prefix it, e.g. `sequence-step-run:123`):
 *   a second call with the same key sends nothing and answers the first call's text
 *   (`replayed: true`); the same key for another lead or another sender is a 409. Two calls at once with
 *   one key make one text (unique column).
 * - Refusals, before anything is stored: an opted-out number (STOP) → 422 with a clear message;
 *   outside the lead's texting hours (company setting textSendingHours, in the zone of the lead's
 *   state, else the company's) → 409 naming the next allowed time, unless
 *   `options.outsideHours === "defer"`: then the text is stored `queued` with `sendAfter` and the
 *   job runner sends it at that time (what an automated sequence wants).
 * - Delivery: the text and its text-deliver job commit together; the first try happens in this
 *   call (so a refusal by Twilio reaches the caller as 422/503 at once), retries and deferred
 *   sends run in the job. Without Twilio credentials (outbox mode) the text is stored as
 *   `simulated` and nothing leaves. A sent or simulated text is a sales action (type text) and
 *   moves an assigned lead to in_progress.
 * - Returns TSentText: { id, status, to, body, twilioSid, outbox, replayed, sendAfter, retrying }.
 */
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TextMessage } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import { command } from "@/lib/command";
import { assertStep } from "@/lib/leads/lead-rules";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { toE164 } from "@/lib/kernel/phone";
import { jobSender } from "@/lib/jobs/job-boss";
import { leadVariableValues } from "@/lib/email/lead-variables";
import { loadSender } from "@/lib/email/load-email-context";
import { assertRendered, assertTemplateVariables, renderTemplate } from "@/lib/email/render-template";
import { loadLeadForText } from "@/lib/sms/load-lead-for-text";
import { deliverTextMessage } from "@/lib/sms/deliver-text-message";
import { textInFlightGraceMs } from "@/lib/sms/deliver-queued-text";
import { queueTextDelivery } from "@/lib/sms/queue-text-delivery";
import { smsConfig } from "@/lib/sms/sms-config";
import { MAX_TEXT_LENGTH } from "@/lib/sms/text-limits";
import { assertNotOptedOut } from "@/lib/sms/text-opt-outs";
import { describeClosedWindow, textSendingWindow } from "@/lib/sms/text-sending-window";


export const ZSendLeadText = z
  .object({
    leadId: z.coerce.number().int().positive(),
    templateId: z.coerce.number().int().positive().optional(),
    body: z.string().trim().max(MAX_TEXT_LENGTH, `A text is at most ${MAX_TEXT_LENGTH} characters`).optional(),
    to: z.string().trim().max(40).optional(),
    idempotencyKey: z.string().trim().min(8).max(200).optional(),
  })
  .refine((d) => (d.body !== undefined && d.body !== "") || d.templateId !== undefined, { path: ["body"], message: "Write a text or pick a template" });
export type TSendLeadText = z.input<typeof ZSendLeadText>;

export type TSendTextOptions = {
  /** Outside the lead's texting hours: refuse (the default, for a person) or hold until they open. */
  outsideHours?: "refuse" | "defer";
  /** The clock (tests). */
  now?: Date;
};

export type TSentText = {
  id: number;
  status: string;
  to: string;
  body: string;
  twilioSid: string | null;
  outbox: boolean;
  replayed: boolean;
  /** Set when the text waits for the lead's texting hours. */
  sendAfter: string | null;
  /** Set while the text waits for an automatic retry (Twilio answered 429 or 5xx): why. */
  retrying: string | null;
};

/** The caller's answer for a text; a failed one becomes an error carrying Twilio's reason. */
function sentTextResult(m: TextMessage, replayed: boolean): TSentText {
  if (m.status === "failed") {
    const transient = /answered (429|5\d\d)|Could not reach/.test(m.error ?? "");
    throw new AppError(transient ? "UNAVAILABLE" : "UNPROCESSABLE", m.error?.startsWith("Not sent") ? m.error : `Not sent. ${m.error ?? "Twilio refused the text."}`);
  }
  return {
    id: m.id,
    status: m.status,
    to: m.toPhone,
    body: m.body,
    twilioSid: m.twilioSid,
    outbox: m.status === "simulated",
    replayed,
    sendAfter: m.sendAfter && m.status === "queued" ? m.sendAfter.toISOString() : null,
    retrying: m.status === "queued" && m.attempts > 0 ? (m.error ?? "Sending…") : null,
  };
}

async function deliverNowOrLater(messageId: number, now: Date): Promise<TextMessage> {
  const { message, retryAfterMs } = await deliverTextMessage(messageId, now);
  if (retryAfterMs !== null) await queueTextDelivery(messageId, retryAfterMs);
  return message;
}

export const sendLeadText = command<typeof ZSendLeadText, TSentText, TActor, [TSendTextOptions?]>(ZSendLeadText, async (actor, data, options?: TSendTextOptions) => {
  const now = options?.now ?? new Date();
  const lead = await loadLeadForText(data.leadId);
  assertStep(actor, "text", lead);

  if (data.idempotencyKey) {
    const earlier = await db.textMessage.findUnique({ where: { idempotencyKey: data.idempotencyKey } });
    if (earlier) return replay(earlier, lead.id, actor.id, now);
  }

  const to = data.to ? toE164(data.to) : (lead.recipients[0]?.phone ?? null);
  if (!to) {
    if (data.to) throw new AppError("BAD_REQUEST", "That is not a phone number.", [{ path: "to", message: "Not a phone number" }]);
    throw new AppError("UNPROCESSABLE", "This lead has no phone number to text: add one to the company or a contact first.", [{ path: "to", message: "No number" }]);
  }
  if (!lead.recipients.some((r) => r.phone === to))
    throw new AppError("BAD_REQUEST", "Text only the lead's own numbers.", [{ path: "to", message: "Not one of this lead's numbers" }]);
  await assertNotOptedOut(to);

  let template: { id: number; version: number; body: string } | null = null;
  if (data.templateId) {
    const found = await db.textTemplate.findUnique({ where: { id: data.templateId }, select: { id: true, version: true, body: true, archived: true } });
    if (!found) throw new AppError("NOT_FOUND", "Text template not found");
    // Archived: out of use (a sequence step that still names it is skipped with this reason).
    if (found.archived) throw new AppError("NOT_FOUND", "The text template was archived.");
    template = found;
  }
  const text = data.body || template!.body;
  assertTemplateVariables({ subject: "", body: text });
  const sender = await loadSender(actor.id);
  // The contact whose number it is is the one greeted ({{contact_first_name}}).
  const contactEmail = lead.contactPhones.find((c) => toE164(c.phone) === to)?.email ?? undefined;
  const rendered = renderTemplate({ subject: "", body: text }, leadVariableValues(lead, sender, contactEmail));
  assertRendered(rendered);
  if (!rendered.text) throw new AppError("BAD_REQUEST", "The text is empty.", [{ path: "body", message: "Write a text" }]);
  if (rendered.text.length > MAX_TEXT_LENGTH)
    throw new AppError("BAD_REQUEST", `With its variables filled in the text is ${rendered.text.length} characters; the limit is ${MAX_TEXT_LENGTH}.`, [{ path: "body", message: "Too long" }]);

  const settings = await getCompanySettings();
  const window = textSendingWindow(now, lead.state, settings.timeZone, settings.textSendingHours);
  if (!window.open && options?.outsideHours !== "defer") throw new AppError("CONFLICT", describeClosedWindow(window, settings.textSendingHours), [{ path: "body", message: "Outside texting hours" }]);
  if (!window.next) throw new AppError("CONFLICT", "No texting hours are set, so no text can go out.");
  const sendAfter = window.open ? null : window.next;

  // The sender is made ready outside the transaction: starting it uses other connections.
  await jobSender();
  let message: TextMessage;
  try {
    // The text and its text-deliver job commit together (as dispatchEmail): a text is never left
    // queued without a job. A text to go now gets a job that waits out the first try below; a
    // deferred one gets its job at the allowed time.
    message = await db.$transaction(async (tx) => {
      const created = await tx.textMessage.create({
        data: {
          leadId: lead.id,
          direction: "outbound",
          senderId: actor.id,
          templateId: template?.id ?? null,
          templateVersion: template?.version ?? null,
          toPhone: to,
          fromPhone: smsConfig().from,
          body: rendered.text,
          status: "queued",
          idempotencyKey: data.idempotencyKey ?? null,
          sendAfter,
        },
      });
      const delay = sendAfter ? sendAfter.getTime() - now.getTime() : textInFlightGraceMs();
      const jobId = await queueTextDelivery(created.id, delay, tx);
      if (!jobId) throw new Error(`text-deliver did not take the job of text ${created.id}`);
      return created;
    });
  } catch (err) {
    if ((err as { code?: string }).code !== "P2002" || !data.idempotencyKey) throw err;
    return replay(await db.textMessage.findUniqueOrThrow({ where: { idempotencyKey: data.idempotencyKey } }), lead.id, actor.id, now);
  }
  if (sendAfter) return sentTextResult(message, false);
  return sentTextResult(await deliverNowOrLater(message.id, now), false);
});

async function replay(m: TextMessage, leadId: number, senderId: number, now: Date): Promise<TSentText> {
  if (m.leadId !== leadId || m.senderId !== senderId) throw new AppError("CONFLICT", "This send was already used for another text; reload and send again.");
  // Recorded but never attempted (the first request died in between, not deferred): it goes now.
  const current = m.status === "queued" && m.attempts === 0 && !(m.sendAfter && m.sendAfter > now) ? await deliverNowOrLater(m.id, now) : m;
  return sentTextResult(current, true);
}
