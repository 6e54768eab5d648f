import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { leadVariableValues } from "@/lib/email/lead-variables";
import { loadSender } from "@/lib/email/load-email-context";
import type { TVariableValues } from "@/lib/email/template-variables";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { toE164 } from "@/lib/kernel/phone";
import { stepBlockedReason } from "@/lib/leads/lead-rules";
import { loadLeadForText } from "@/lib/sms/load-lead-for-text";
import { smsConfig } from "@/lib/sms/sms-config";
import { describeClosedWindow, textSendingWindow } from "@/lib/sms/text-sending-window";

export const ZGetLeadTextPanel = z.object({ leadId: z.coerce.number().int().positive() });

export type TTextPanelRecipient = { phone: string; label: string; values: TVariableValues; optedOut: boolean };

/**
 * What the lead page's text composer shows, as plain data: the lead's numbers (opted-out ones
 * marked) with the variable values for each, the text templates, whether the viewer may text the
 * lead at all, and whether the lead's texting hours are open now (else when they open).
 */
export const getLeadTextPanel = command(ZGetLeadTextPanel, async (actor, data) => {
  const lead = await loadLeadForText(data.leadId);
  const [sender, templates, optOuts, settings] = await Promise.all([
    loadSender(actor.id),
    db.textTemplate.findMany({ where: { archived: false }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, body: true } }),
    db.textOptOut.findMany({ where: { phone: { in: lead.recipients.map((r) => r.phone) } }, select: { phone: true } }),
    getCompanySettings(),
  ]);
  const opted = new Set(optOuts.map((o) => o.phone));
  const window = textSendingWindow(new Date(), lead.state, settings.timeZone, settings.textSendingHours);
  const cannotSend = stepBlockedReason(actor, "text", lead);
  return {
    leadId: lead.id,
    canSend: cannotSend === null,
    cannotSend,
    outbox: smsConfig().outbox,
    closed: window.open ? null : describeClosedWindow(window, settings.textSendingHours),
    recipients: lead.recipients.map((r): TTextPanelRecipient => ({
      phone: r.phone,
      label: r.label,
      // The contact whose number it is is the one greeted, as sendLeadText does.
      values: leadVariableValues(lead, sender, lead.contactPhones.find((c) => toE164(c.phone) === r.phone)?.email ?? undefined),
      optedOut: opted.has(r.phone),
    })),
    templates,
  };
});
