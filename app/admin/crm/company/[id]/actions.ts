"use server";

import { defineAction } from "@/lib/action-client";
import { upsertContact } from "@/lib/companies/upsert-contact";
import { createManualLead } from "@/lib/leads/create-manual-lead";

export const upsertContactAction = defineAction(upsertContact, {
  revalidate: (contact) => [`/admin/crm/company/${contact.companyId}`],
  success: (contact) => `Saved ${contact.name}.`,
});

export const createManualLeadAction = defineAction(createManualLead, {
  revalidate: (lead) => [`/admin/crm/company/${lead.company_id}`, "/admin/crm", "/admin/crm/leads"],
  success: (lead) => `Lead #${lead.id} created.`,
});
