import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { emailConfig } from "@/lib/email/email-config";
import { emailRecipients, leadVariableValues } from "@/lib/email/lead-variables";
import { listLeadEmails } from "@/lib/email/list-lead-emails";
import { listTemplates } from "@/lib/email/list-templates";
import { loadLeadForEmail, loadSender } from "@/lib/email/load-email-context";
import type { TVariableValues } from "@/lib/email/template-variables";
import { stepBlockedReason } from "@/lib/leads/lead-rules";
import { command } from "@/lib/command";

export const ZGetLeadEmailPanel = z.object({ leadId: z.coerce.number().int().positive() });

export type TPanelRecipient = { email: string; label: string; values: TVariableValues; suppressed: string | null };

/**
 * Everything the lead page's email panel shows, as plain data: the templates the viewer may use,
 * each address with the variable values for it (the browser fills the preview from these), the
 * lead's messages with their counts, and whether the viewer may send at all.
 */
export const getLeadEmailPanel = command(ZGetLeadEmailPanel, async (actor, data) => {
  const lead = await loadLeadForEmail(data.leadId);
  const [sender, templates, messages] = await Promise.all([loadSender(actor.id), listTemplates(actor), listLeadEmails(lead.id)]);
  const addresses = emailRecipients(lead);
  const suppressions = await db.emailSuppression.findMany({
    where: { email: { in: addresses.map((a) => a.email.toLowerCase()) } },
    select: { email: true, reason: true },
  });
  const suppressed = new Map(suppressions.map((s) => [s.email, s.reason]));
  const recipients: TPanelRecipient[] = addresses.map((a) => ({
    email: a.email.toLowerCase(),
    label: a.label,
    values: leadVariableValues(lead, sender, a.email),
    suppressed: suppressed.get(a.email.toLowerCase()) ?? null,
  }));
  const cannotSend = stepBlockedReason(actor, "email", lead);
  return {
    leadId: lead.id,
    canSend: cannotSend === null,
    cannotSend,
    outbox: emailConfig().outbox,
    recipients,
    templates: templates.map(({ id, name, subject, body, version, shared }) => ({ id, name, subject, body, version, shared })),
    messages,
  };
});
