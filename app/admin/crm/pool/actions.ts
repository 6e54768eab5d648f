"use server";

import { defineAction } from "@/lib/action-client";
import { claimLead } from "@/lib/leads/claim-lead";

// Claim straight from the pool: the same claimLead as everywhere (first come, first served, and
// the strict territory rule inside its transaction).
export const claimFromPoolAction = defineAction(claimLead, {
  // No success message of its own: the pool's toast names the company it claimed.
  revalidate: (lead) => ["/admin/crm/pool", "/admin/crm/calls", `/admin/crm/lead/${lead.id}`, "/admin/crm"],
});
