import "server-only";
import { dispatchEmail } from "@/lib/email/dispatch-email";
import { emailConfig } from "@/lib/email/email-config";
import { textToHtml } from "@/lib/email/render-template";
import { logger } from "@/lib/logger";
import type { TSlaRecipient } from "@/lib/sla/list-sla-recipients";

/**
 * The escalation by email, when SendGrid is set up (in outbox mode nothing would leave, and the
 * manager has the in-app notice). Through dispatchEmail, the path every email takes (the outbox
 * row, SendGrid, retries on the job runner), with one idempotency key per lead and manager: a
 * second run of the escalation job finds the message the first one made and sends nothing new.
 * The message belongs to no lead, so it never counts as a touch of the lead.
 */
export async function sendEscalationEmails(lead: { id: number; companyName: string; minutes: number }, managers: TSlaRecipient[]): Promise<number> {
  if (emailConfig().outbox || managers.length === 0) return 0;
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/+$/, "");
  const subject = `Unclaimed for ${lead.minutes} min: ${lead.companyName}`.replace(/[\r\n]+/g, " ");
  const text = `${lead.companyName} (lead #${lead.id}) has waited ${lead.minutes} minutes and no rep has claimed it.\n\nAssign it: ${base}/admin/crm/lead/${lead.id}`;
  let sent = 0;
  for (const manager of managers) {
    try {
      await dispatchEmail({
        sender: manager,
        leadId: null,
        to: manager.email,
        rendered: { subject, text, html: textToHtml(text), missing: [], unknown: [] },
        template: null,
        idempotencyKey: `sla-escalation:${lead.id}:${manager.id}`,
      });
      sent++;
    } catch (err) {
      // A refused address or SendGrid's 4xx stays on the message (the outbox page shows it); the
      // in-app notice has gone out, so the escalation itself is not retried for it.
      logger.warn({ err, leadId: lead.id, managerId: manager.id }, "escalation email not sent");
    }
  }
  return sent;
}
