"use server";

// Server actions of the lead page's text composer (components/sms/lead-text-panel.tsx) and the
// Texts page (templates, texting hours).
import { defineAction } from "@/lib/action-client";
import { archiveTextTemplate } from "@/lib/sms/archive-text-template";
import { saveTextTemplate } from "@/lib/sms/save-text-template";
import { sendLeadText, type TSentText } from "@/lib/sms/send-lead-text";
import { setTextSendingHours } from "@/lib/sms/set-text-sending-hours";

const sentWords = (r: TSentText) =>
  r.outbox ? `Text kept in the outbox (outbox mode), to ${r.to}` : r.retrying ? `Not sent yet: ${r.retrying}. It goes out automatically.` : `Text sent to ${r.to}`;

export const sendLeadTextAction = defineAction(sendLeadText, {
  revalidate: (_r, input) => [`/admin/crm/lead/${Number(input.leadId)}`, "/admin/crm/outbox"],
  success: sentWords,
});

export const saveTextTemplateAction = defineAction(saveTextTemplate, {
  revalidate: () => ["/admin/crm/texts", "/admin/crm/sequences"],
  success: (t) => `Saved “${t.name}” as version ${t.version}`,
});

export const archiveTextTemplateAction = defineAction(archiveTextTemplate, {
  revalidate: () => ["/admin/crm/texts", "/admin/crm/sequences"],
  success: () => "Archived",
});

export const setTextSendingHoursAction = defineAction(setTextSendingHours, {
  revalidate: () => ["/admin/crm/texts"],
  success: () => "Texting hours saved",
});
