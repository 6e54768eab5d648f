"use server";

import { defineAction } from "@/lib/action-client";
import { proposeHandoff, type TRequestResult } from "@/lib/requests/propose-handoff";
import { requestLeadLoss } from "@/lib/requests/request-lead-loss";
import { requestLeadReopen } from "@/lib/requests/request-lead-reopen";
import { approveLeadRequest } from "@/lib/requests/approve-lead-request";
import { declineLeadRequest } from "@/lib/requests/decline-lead-request";
import { acceptHandoff } from "@/lib/requests/accept-handoff";
import { withdrawLeadRequest } from "@/lib/requests/withdraw-lead-request";
import { decideLeadRequests } from "@/lib/requests/decide-lead-requests";
import { setRequestSettings } from "@/lib/requests/set-request-settings";

// A request step changes the lead (its page, lists, call list) and the Requests inbox.
const touched = (r: { lead_id: number }) => [`/admin/crm/lead/${r.lead_id}`, "/admin/crm/requests", "/admin/crm/leads", "/admin/crm/calls", "/admin/crm"];
const withRequest = { revalidate: (r: TRequestResult) => touched(r) };

export const proposeHandoffAction = defineAction(proposeHandoff, {
  ...withRequest,
  success: (r) => (r.state === "done" ? "Handed off." : r.state === "awaiting_approval" ? "Proposed: waiting for a manager." : "Proposed: waiting for the receiver."),
});
export const requestLeadLossAction = defineAction(requestLeadLoss, { ...withRequest, success: () => "Asked: waiting for a manager." });
export const requestLeadReopenAction = defineAction(requestLeadReopen, { ...withRequest, success: () => "Asked: waiting for a manager." });
export const approveLeadRequestAction = defineAction(approveLeadRequest, {
  ...withRequest,
  success: (r) => (r.state === "awaiting_acceptance" ? "Approved: waiting for the receiver." : "Approved."),
});
export const declineLeadRequestAction = defineAction(declineLeadRequest, { ...withRequest, success: () => "Declined." });
export const acceptHandoffAction = defineAction(acceptHandoff, { ...withRequest, success: () => "Accepted: the lead is yours." });
export const withdrawLeadRequestAction = defineAction(withdrawLeadRequest, { ...withRequest, success: () => "Withdrawn." });
export const decideLeadRequestsAction = defineAction(decideLeadRequests, {
  revalidate: () => ["/admin/crm/requests", "/admin/crm/leads", "/admin/crm/calls", "/admin/crm"],
  success: (r) => `${r.decision === "approve" ? "Approved" : "Declined"} ${r.done}${r.refused ? `, ${r.refused} refused` : ""}.`,
});
export const setRequestSettingsAction = defineAction(setRequestSettings, {
  revalidate: () => ["/admin/crm/territories", "/admin/crm/requests"],
  success: () => "Approval settings saved",
});
