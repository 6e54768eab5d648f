import "server-only";
import { db } from "@/lib/db";
import { isManager, type TActor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";
import type { TRequestKind, TRequestState } from "@/lib/requests/request-vocabulary";

export type TRequestRow = {
  id: number;
  kind: TRequestKind;
  state: TRequestState;
  reason: string | null;
  territoryOverride: string | null;
  decisionNote: string | null;
  /** state cancelled: what happened to the lead (REQUEST_CANCEL_REASONS). */
  cancelReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  requester: { id: number; name: string };
  receiver: { id: number; name: string } | null;
  decidedBy: string | null;
  lead: { id: number; company: string; status: TLeadStatus; value: number; states: string[]; holder: string | null };
};

export type TRequestInbox = {
  /** What this user decides now: a manager's approval queue, a rep's handoffs to accept. */
  toDecide: TRequestRow[];
  /** Open, but someone else's move: handoffs coming to a rep once approved; a manager's handoffs waiting for the receiver. */
  waitingOnOthers: TRequestRow[];
  /** The user's own requests, open and recently decided. */
  mine: TRequestRow[];
};

export const REQUEST_ROW_SELECT = {
  id: true,
  kind: true,
  state: true,
  reason: true,
  territoryOverride: true,
  decisionNote: true,
  cancelReason: true,
  createdAt: true,
  decidedAt: true,
  requester: { select: { id: true, name: true } },
  receiver: { select: { id: true, name: true } },
  decidedBy: { select: { name: true } },
  lead: { select: { id: true, status: true, estimatedValue: true, states: true, company: { select: { name: true } }, assignedAdmin: { select: { name: true } } } },
} satisfies Prisma.LeadRequestSelect;

type TRow = Prisma.LeadRequestGetPayload<{ select: typeof REQUEST_ROW_SELECT }>;

export function toRequestRow(r: TRow): TRequestRow {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    reason: r.reason,
    territoryOverride: r.territoryOverride,
    decisionNote: r.decisionNote,
    cancelReason: r.cancelReason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    requester: r.requester,
    receiver: r.receiver,
    decidedBy: r.decidedBy?.name ?? null,
    lead: {
      id: r.lead.id,
      company: r.lead.company.name,
      status: r.lead.status,
      value: r.lead.estimatedValue.toNumber(),
      states: r.lead.states,
      holder: r.lead.assignedAdmin?.name ?? null,
    },
  };
}

const QUEUE_LIMIT = 200;
const MINE_LIMIT = 20;
const oldestFirst = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.LeadRequestOrderByWithRelationInput[];

/**
 * The Requests page: the manager's one approval queue (every request waiting for approval: handoffs,
 * losses, reopens; oldest first) or a rep's inbox (handoffs offered to them), plus what waits on
 * others and the user's own requests. Reads the open-request partial indexes.
 */
export async function listLeadRequests(actor: TActor): Promise<TRequestInbox> {
  const manager = isManager(actor);
  const [toDecide, waitingOnOthers, mine] = await Promise.all([
    db.leadRequest.findMany({
      where: manager ? { state: "awaiting_approval" } : { receiverId: actor.id, state: "awaiting_acceptance" },
      orderBy: oldestFirst,
      take: QUEUE_LIMIT,
      select: REQUEST_ROW_SELECT,
    }),
    db.leadRequest.findMany({
      where: manager ? { state: "awaiting_acceptance" } : { receiverId: actor.id, state: "awaiting_approval" },
      orderBy: oldestFirst,
      take: QUEUE_LIMIT,
      select: REQUEST_ROW_SELECT,
    }),
    db.leadRequest.findMany({ where: { requesterId: actor.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: MINE_LIMIT, select: REQUEST_ROW_SELECT }),
  ]);
  return { toDecide: toDecide.map(toRequestRow), waitingOnOthers: waitingOnOthers.map(toRequestRow), mine: mine.map(toRequestRow) };
}
