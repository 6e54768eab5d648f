"use server";

import { defineAction } from "@/lib/action-client";
import { archiveSequence } from "@/lib/sequences/archive-sequence";
import { enrolLeads } from "@/lib/sequences/enrol-leads";
import { saveSequence } from "@/lib/sequences/save-sequence";
import { setEnrolmentState } from "@/lib/sequences/set-enrolment-state";
import { setSequenceSending } from "@/lib/sequences/set-sequence-sending";

const LIST = "/admin/crm/sequences";

export const saveSequenceAction = defineAction(saveSequence, {
  revalidate: (s) => [LIST, `${LIST}/${s.id}`],
  success: () => "Sequence saved.",
});

export const archiveSequenceAction = defineAction(archiveSequence, {
  revalidate: (s) => [LIST, `${LIST}/${s.id}`],
  success: () => "Archived: it is no longer offered for enrolment.",
});

// The leads table's bulk bar and the lead page: one line per lead in the answer.
export const enrolLeadsAction = defineAction(enrolLeads, {
  revalidate: (r) => ["/admin/crm/leads", LIST, ...r.results.filter((x) => x.ok).map((x) => `/admin/crm/lead/${x.leadId}`)],
  success: (r) => `${r.succeeded} enrolled, ${r.refused} refused.`,
});

export const setEnrolmentStateAction = defineAction(setEnrolmentState, {
  revalidate: (r) => [`/admin/crm/lead/${r.leadId}`, LIST],
  success: (r) => (r.status === "paused" ? "Paused." : r.status === "active" ? "Resumed." : "Stopped."),
});

export const setSequenceSendingAction = defineAction(setSequenceSending, {
  revalidate: () => [LIST],
  success: () => "Sending window saved.",
});
