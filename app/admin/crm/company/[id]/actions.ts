"use server";

import { defineAction } from "@/lib/action-client";
import { upsertContact } from "@/lib/companies/upsert-contact";
import { createManualLead } from "@/lib/leads/create-manual-lead";
import { requestCompanyMerge } from "@/lib/companies/request-company-merge";

export const upsertContactAction = defineAction(upsertContact, {
  revalidate: (contact) => [`/admin/crm/company/${contact.companyId}`],
  success: (contact) => `Saved ${contact.name}.`,
});

export const createManualLeadAction = defineAction(createManualLead, {
  revalidate: (lead) => [`/admin/crm/company/${lead.company_id}`, "/admin/crm", "/admin/crm/leads"],
  success: (lead) => `Lead #${lead.id} created.`,
});

export const requestCompanyMergeAction = defineAction(requestCompanyMerge, {
  revalidate: (r) => [`/admin/crm/company/${r.companyId}`, `/admin/crm/company/${r.duplicateOfId}`, "/admin/crm/duplicates"],
  success: () => "Merge requested: the manager will see it on the duplicates page.",
});
