"use server";

// Server actions of the lead page's email panel (components/email/lead-email-panel.tsx). The lead
// page imports these and passes them to the panel.
import { defineAction } from "@/lib/action-client";
import type { TSentEmail } from "@/lib/email/dispatch-email";
import { retryEmailMessage } from "@/lib/email/retry-email-message";
import { sendLeadEmail } from "@/lib/email/send-lead-email";

const sentOrRetrying = (r: TSentEmail) => (r.retrying ? `Not sent yet: ${r.retrying}. It goes out automatically.` : `Sent to ${r.to}`);

const leadPaths = (leadId: unknown) => [`/admin/crm/lead/${Number(leadId)}`, "/admin/crm/outbox"];

export const sendLeadEmailAction = defineAction(sendLeadEmail, {
  revalidate: (_r, input) => leadPaths(input.leadId),
  success: (r) => (r.outbox ? `Kept in the outbox (outbox mode): “${r.subject}”` : sentOrRetrying(r)),
});

export const retryEmailAction = defineAction(retryEmailMessage, {
  revalidate: (_r, input) => leadPaths(input.leadId),
  success: sentOrRetrying,
});
