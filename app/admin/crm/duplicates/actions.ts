"use server";

import { defineAction } from "@/lib/action-client";
import { mergeCompanies } from "@/lib/companies/merge-companies";
import { dismissMergeRequest } from "@/lib/companies/dismiss-merge-request";

export const mergeCompaniesAction = defineAction(mergeCompanies, {
  revalidate: (r) => ["/admin/crm/duplicates", `/admin/crm/company/${r.survivorId}`, `/admin/crm/company/${r.mergedId}`, "/admin/crm/leads"],
  success: (r) => `Merged: ${r.movedLeads} leads, ${r.movedContacts} contacts and ${r.movedNotes} notes moved to company #${r.survivorId}.`,
});

export const dismissMergeRequestAction = defineAction(dismissMergeRequest, {
  revalidate: () => ["/admin/crm/duplicates"],
  success: () => "Request dismissed.",
});
