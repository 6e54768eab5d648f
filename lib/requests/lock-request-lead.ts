import "server-only";
import { AppError } from "@/lib/errors";
import type { TRuleLead } from "@/lib/leads/lead-rules";
import { lockLead, type TLockedLead, type TTx } from "@/lib/leads/lead-transaction";
import { getCompanySettings, type TCompanySettings } from "@/lib/kernel/company-settings";
import { leadGates } from "@/lib/requests/request-gates";
import { cancelReasonLabel, OPEN_REQUEST_STATES, type TRequestKind, type TRequestState } from "@/lib/requests/request-vocabulary";

export type TOpenRequest = {
  id: number;
  kind: TRequestKind;
  state: TRequestState;
  requesterId: number;
  receiverId: number | null;
  reason: string | null;
  territoryOverride: string | null;
  payload: Record<string, unknown>;
};

export type TRequestLead = {
  lead: TLockedLead & { states: string[]; estimatedValue: number };
  /** The lead's open request (at most one, by the partial unique index). */
  open: TOpenRequest | null;
  /** What lead-rules.ts needs: status, holder, open request, approval switches. */
  rule: TRuleLead;
  settings: TCompanySettings;
};

/**
 * Every request step starts here, inside its transaction: the lead's row is locked (so a proposal,
 * an approval and a withdrawal of one lead run one after the other and each sees the last one's
 * result), then its open request and the company switches are read for assertStep().
 */
export async function lockRequestLead(tx: TTx, leadId: number): Promise<TRequestLead> {
  const locked = await lockLead(tx, leadId);
  const [lead, open, settings] = await Promise.all([
    tx.salesLead.findUniqueOrThrow({ where: { id: leadId }, select: { states: true, estimatedValue: true, assignedAdmin: { select: { name: true } } } }),
    tx.leadRequest.findFirst({
      where: { leadId, state: { in: [...OPEN_REQUEST_STATES] } },
      select: { id: true, kind: true, state: true, requesterId: true, receiverId: true, reason: true, territoryOverride: true, payload: true },
    }),
    getCompanySettings(tx),
  ]);
  const value = lead.estimatedValue.toNumber();
  return {
    lead: { ...locked, states: lead.states, estimatedValue: value },
    open: open ? { ...open, payload: (open.payload ?? {}) as Record<string, unknown> } : null,
    rule: {
      status: locked.status,
      assignedAdminId: locked.assignedAdminId,
      holderName: lead.assignedAdmin?.name ?? null,
      coverIds: locked.coverIds,
      request: open ? { requesterId: open.requesterId, receiverId: open.receiverId } : null,
      gates: leadGates(settings, value),
    },
    settings,
  };
}

/**
 * The request a decision names, with its lead locked. A request the actor may not see (a rep who
 * neither asked nor receives it) is a 404, as is one that does not exist; one no longer open is a
 * 409 saying what became of it.
 */
export async function lockDecidedRequest(
  tx: TTx,
  actor: { id: number; role: string },
  requestId: number,
): Promise<TRequestLead & { request: TOpenRequest }> {
  const found = await tx.leadRequest.findUnique({
    where: { id: requestId },
    select: { leadId: true, requesterId: true, receiverId: true },
  });
  const visible = found && (actor.role === "super_admin" || found.requesterId === actor.id || found.receiverId === actor.id);
  if (!visible) throw new AppError("NOT_FOUND", "Request not found");
  const state = await lockRequestLead(tx, found.leadId);
  if (state.open?.id !== requestId) {
    const closed = await tx.leadRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { state: true, cancelReason: true, decidedBy: { select: { name: true } } },
    });
    const by = closed.decidedBy?.name ? ` by ${closed.decidedBy.name}` : "";
    const what =
      closed.state === "done"
        ? `already approved${by}`
        : closed.state === "declined"
          ? `already declined${by}`
          : closed.state === "cancelled"
            ? `closed (${cancelReasonLabel(closed.cancelReason)}${by})`
            : `withdrawn${by}`;
    throw new AppError("CONFLICT", `This request was ${what}; nothing changed.`);
  }
  return { ...state, request: state.open };
}
