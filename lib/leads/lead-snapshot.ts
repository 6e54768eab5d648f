import type { Prisma } from "@/lib/generated/prisma/client";
import type { TActionOutcome, TLeadSource, TLeadStatus } from "@/lib/leads/lead-vocabulary";

// What the workflow's functions answer with, and what the seed's endpoints send back as "the lead":
// the row's own columns under their table names, money as a number, times as ISO strings.
export const LEAD_SNAPSHOT_SELECT = {
  id: true,
  companyId: true,
  leadSource: true,
  status: true,
  assignedAdminId: true,
  assignedAt: true,
  estimatedValue: true,
  priorityScore: true,
  states: true,
  nextFollowUpAt: true,
  nextFollowUpHasTime: true,
  lastContactAt: true,
  lastCallOutcome: true,
  lostReason: true,
  closedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.SalesLeadSelect;

type TRow = Prisma.SalesLeadGetPayload<{ select: typeof LEAD_SNAPSHOT_SELECT }>;

export type TLeadSnapshot = {
  id: number;
  company_id: number;
  lead_source: TLeadSource;
  status: TLeadStatus;
  assigned_admin_id: number | null;
  assigned_at: string | null;
  estimated_value: number;
  priority_score: number;
  states: string[];
  next_follow_up_at: string | null;
  /** false: the follow-up is a day ("any time that day"), not a time. */
  next_follow_up_has_time: boolean;
  last_contact_at: string | null;
  last_call_outcome: TActionOutcome | null;
  lost_reason: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toLeadSnapshot(row: TRow): TLeadSnapshot {
  return {
    id: row.id,
    company_id: row.companyId,
    lead_source: row.leadSource,
    status: row.status,
    assigned_admin_id: row.assignedAdminId,
    assigned_at: iso(row.assignedAt),
    estimated_value: row.estimatedValue.toNumber(),
    priority_score: row.priorityScore,
    states: row.states,
    next_follow_up_at: iso(row.nextFollowUpAt),
    next_follow_up_has_time: row.nextFollowUpHasTime,
    last_contact_at: iso(row.lastContactAt),
    last_call_outcome: row.lastCallOutcome,
    lost_reason: row.lostReason,
    closed_at: iso(row.closedAt),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
