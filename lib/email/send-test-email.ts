import "server-only";
import { z } from "zod";
import { dispatchEmail, type TSentEmail } from "@/lib/email/dispatch-email";
import { leadVariableValues } from "@/lib/email/lead-variables";
import { loadLeadForEmail, loadSender } from "@/lib/email/load-email-context";
import { assertRendered, assertTemplateVariables, renderTemplate } from "@/lib/email/render-template";
import { SAMPLE_LEAD_VALUES } from "@/lib/email/template-variables";
import { command } from "@/lib/command";

export const ZSendTestEmail = z.object({
  subject: z.string().trim().min(1, "Subject is required").max(200),
  body: z.string().trim().min(1, "Body is required").max(20_000),
  /** Fill it in from this lead instead of the built-in sample prospect (0 or none: the sample). */
  leadId: z.coerce.number().int().min(0).optional(),
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});

/**
 * Sends the template to the sender, filled in with the sender's own details and a sample prospect
 * (or a chosen lead). It goes through the same path as a real email (SendGrid or the outbox) but belongs to no lead.
 */
export const sendTestEmail = command(ZSendTestEmail, async (actor, data): Promise<TSentEmail> => {
  const { subject, body, idempotencyKey } = data;
  assertTemplateVariables({ subject, body });
  const sender = { id: actor.id, ...(await loadSender(actor.id)) };
  // Every rep may read every lead (DESIGN §4), so any lead may serve as the sample.
  const lead = data.leadId ? await loadLeadForEmail(data.leadId) : null;
  const values = leadVariableValues(lead ?? { id: 0, leadData: {}, company: { name: "", email: null }, contacts: [] }, sender);
  const rendered = renderTemplate({ subject: `[Test] ${subject}`, body }, lead ? values : { ...values, ...SAMPLE_LEAD_VALUES });
  assertRendered(rendered);
  return dispatchEmail({ sender, leadId: null, to: sender.email, rendered, template: null, idempotencyKey });
});
