import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dispatchEmail, type TSentEmail } from "@/lib/email/dispatch-email";
import { emailRecipients, leadVariableValues } from "@/lib/email/lead-variables";
import { loadLeadForEmail, loadSender } from "@/lib/email/load-email-context";
import { assertRendered, assertTemplateVariables, renderTemplate } from "@/lib/email/render-template";
import { templateAccess } from "@/lib/email/template-access";
import { assertStep } from "@/lib/leads/lead-rules";
import { command } from "@/lib/command";

export const ZSendLeadEmail = z.object({
  leadId: z.coerce.number().int().positive(),
  /** The template it started from, if any (kept with the message with its version). */
  templateId: z.coerce.number().int().positive().optional(),
  /** Defaults to the lead's first address; must be one of the lead's addresses. */
  to: z.string().trim().toLowerCase().email("Choose a valid address").optional(),
  /** Subject and body as the rep edited them, still with {{variables}}: filled in here. */
  subject: z.string().trim().min(1, "Subject is required").max(200),
  body: z.string().trim().min(1, "Body is required").max(20_000),
  /** Made once per compose by the client: the same key again never sends twice. */
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type TSendLeadEmail = z.input<typeof ZSendLeadEmail>;

/**
 * Sends an email to a lead's contact, as the assigned rep or the manager. Every variable must have
 * a value for this lead; suppressed addresses are refused; the message is recorded as queued
 * before SendGrid is called, then sent, failed or (outbox mode) simulated.
 */
export const sendLeadEmail = command(ZSendLeadEmail, async (actor, data): Promise<TSentEmail> => {
  const { leadId, templateId, subject, body, idempotencyKey } = data;
  const lead = await loadLeadForEmail(leadId);
  assertStep(actor, "email", lead);

  const recipients = emailRecipients(lead);
  const to = data.to ?? recipients[0]?.email.toLowerCase();
  if (!to) throw new AppError("UNPROCESSABLE", "This lead has no email address: add a contact with an email first.", [{ path: "to", message: "No address" }]);
  if (!recipients.some((r) => r.email.toLowerCase() === to))
    throw new AppError("BAD_REQUEST", "Send only to the lead's own contacts.", [{ path: "to", message: "Not one of this lead's addresses" }]);

  let template: { id: number; version: number } | null = null;
  if (templateId) {
    const t = await db.emailTemplate.findUnique({ where: { id: templateId }, select: { id: true, version: true, ownerId: true, archived: true } });
    if (!t || t.archived || templateAccess(actor, t) === "none") throw new AppError("NOT_FOUND", "Template not found");
    template = { id: t.id, version: t.version };
  }

  assertTemplateVariables({ subject, body });
  const sender = { id: actor.id, ...(await loadSender(actor.id)) };
  const rendered = renderTemplate({ subject, body }, leadVariableValues(lead, sender, to));
  assertRendered(rendered);
  return dispatchEmail({ sender, leadId: lead.id, to, rendered, template, idempotencyKey });
});
