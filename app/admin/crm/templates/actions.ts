"use server";

import { defineAction } from "@/lib/action-client";
import { archiveTemplate } from "@/lib/email/archive-template";
import { saveTemplate } from "@/lib/email/save-template";
import { sendTestEmail } from "@/lib/email/send-test-email";

export const saveTemplateAction = defineAction(saveTemplate, {
  revalidate: (t) => ["/admin/crm/templates", `/admin/crm/templates/${t.id}`],
  success: (t) => `Saved “${t.name}” as version ${t.version}`,
});

export const archiveTemplateAction = defineAction(archiveTemplate, {
  revalidate: () => ["/admin/crm/templates"],
  success: () => "Archived",
});

export const sendTestEmailAction = defineAction(sendTestEmail, {
  revalidate: () => ["/admin/crm/outbox"],
  success: (r) =>
    r.outbox ? `Test kept in the outbox (outbox mode), addressed to ${r.to}` : `Test sent to ${r.to}`,
});
