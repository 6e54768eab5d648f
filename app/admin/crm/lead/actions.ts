"use server";

import { defineAction } from "@/lib/action-client";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { assignLead } from "@/lib/leads/assign-lead";
import { claimLead } from "@/lib/leads/claim-lead";
import { convertLead } from "@/lib/leads/convert-lead";
import type { TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { markLeadLost } from "@/lib/leads/mark-lead-lost";
import { releaseLead } from "@/lib/leads/release-lead";
import { reopenLead } from "@/lib/leads/reopen-lead";
import { runBulkLeadAction } from "@/lib/leads/run-bulk-lead-action";
import { snoozeFollowUp } from "@/lib/leads/snooze-follow-up";

// Every page that shows a lead's state: the lead itself, the dashboard and the leads table.
const touched = (lead: { id: number }) => [`/admin/crm/lead/${lead.id}`, "/admin/crm", "/admin/crm/leads"];
const withLead = { revalidate: (lead: TLeadSnapshot) => touched(lead) };

export const claimLeadAction = defineAction(claimLead, {
  ...withLead,
  success: () => "Claimed: the lead is yours.",
});

export const assignLeadAction = defineAction(assignLead, {
  ...withLead,
  success: () => "Assigned.",
});

export const releaseLeadAction = defineAction(releaseLead, {
  ...withLead,
  success: () => "Released back to the pending pool.",
});

export const addSalesActionAction = defineAction(addSalesAction, {
  ...withLead,
  success: () => "Logged.",
});

// Offered on the lead page, the call list and the follow-ups page: all of them show the follow-up.
export const snoozeFollowUpAction = defineAction(snoozeFollowUp, {
  revalidate: (lead) => [...touched(lead), "/admin/crm/calls", "/admin/crm/follow-ups"],
  success: () => "Snoozed.",
});

export const convertLeadAction = defineAction(convertLead, {
  ...withLead,
  success: () => "Converted. Nice work!",
});

export const markLeadLostAction = defineAction(markLeadLost, {
  ...withLead,
  success: () => "Marked lost.",
});

export const reopenLeadAction = defineAction(reopenLead, {
  ...withLead,
  success: () => "Reopened: the lead is pending again.",
});

export const bulkLeadAction = defineAction(runBulkLeadAction, {
  revalidate: (result) => [
    "/admin/crm",
    "/admin/crm/leads",
    ...result.results.filter((r) => r.ok).map((r) => `/admin/crm/lead/${r.leadId}`),
  ],
  success: (r) => `${r.succeeded} done, ${r.refused} refused.`,
});
