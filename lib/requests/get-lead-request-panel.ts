import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { getCompanySettings, type TCompanySettings } from "@/lib/kernel/company-settings";
import { stepBlockedReason, type TLeadStep, type TRuleLead } from "@/lib/leads/lead-rules";
import { leadGates } from "@/lib/requests/request-gates";
import { isOpenRequestState } from "@/lib/requests/request-vocabulary";
import { REQUEST_ROW_SELECT, toRequestRow, type TRequestRow } from "@/lib/requests/list-lead-requests";

export type TLeadRequestPanel = {
  open: TRequestRow | null;
  recent: TRequestRow[];
  /** Active reps the lead could go to (not its holder). */
  reps: { id: number; name: string }[];
  handoffApproval: TCompanySettings["handoffApproval"];
  strictTerritories: boolean;
  /** What the viewer may do here (the domain functions check again). */
  may: { propose: boolean; approve: boolean; accept: boolean; decline: boolean; withdraw: boolean; askLoss: boolean; askReopen: boolean };
};

/**
 * The lead page's request card: the open request and recent decided ones, and which buttons to
 * show, asked of the same lead rules the domain functions assert.
 */
export async function getLeadRequestPanel(actor: TActor, leadId: number): Promise<TLeadRequestPanel> {
  const [lead, rows, reps, settings] = await Promise.all([
    db.salesLead.findUniqueOrThrow({ where: { id: leadId }, select: { status: true, assignedAdminId: true, estimatedValue: true } }),
    db.leadRequest.findMany({ where: { leadId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 6, select: REQUEST_ROW_SELECT }),
    db.user.findMany({ where: { role: "admin", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    getCompanySettings(),
  ]);
  const requests = rows.map(toRequestRow);
  const open = requests.find((r) => isOpenRequestState(r.state)) ?? null;
  const rule: TRuleLead = {
    status: lead.status,
    assignedAdminId: lead.assignedAdminId,
    request: open ? { requesterId: open.requester.id, receiverId: open.receiver?.id ?? null } : null,
    gates: leadGates(settings, lead.estimatedValue.toNumber()),
  };
  const may = (step: TLeadStep) => stepBlockedReason(actor, step, rule) === null;
  const approveStep: TLeadStep | null = open ? (open.kind === "handoff" ? "handoff_approve" : open.kind === "lose" ? "lose_approve" : "reopen_approve") : null;
  return {
    open,
    recent: requests.filter((r) => r !== open).slice(0, 5),
    reps: reps.filter((r) => r.id !== lead.assignedAdminId),
    handoffApproval: settings.handoffApproval,
    strictTerritories: settings.territoryMode === "strict",
    may: {
      propose: !open && may("handoff_propose"),
      approve: !!open && open.state === "awaiting_approval" && !!approveStep && may(approveStep),
      accept: !!open && open.state === "awaiting_acceptance" && may("handoff_accept"),
      decline: !!open && may("request_decline"),
      withdraw: !!open && may("request_withdraw"),
      askLoss: !open && may("lose_request"),
      askReopen: !open && may("reopen_request"),
    },
  };
}
