import "server-only";
import { toCompanySummary, toContactSummaries, type TCompanySummary, type TContactSummary } from "@/lib/companies/company-summary";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZLeadId } from "@/lib/leads/lead-input";
import { stepBlockedReason, type TLeadStep } from "@/lib/leads/lead-rules";
import type { TActionOutcome, TConversionType, TLeadSource, TLeadStatus } from "@/lib/leads/lead-vocabulary";
import { command } from "@/lib/command";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { leadGates } from "@/lib/requests/request-gates";
import type { THaulEstimate } from "@/lib/haul/estimate-haul";

export const ZGetLeadDetail = z.object({ lead_id: ZLeadId });
export type TGetLeadDetail = z.input<typeof ZGetLeadDetail>;

export type TLeadPermissions = {
  claim: boolean;
  assign: boolean;
  release: boolean;
  /** add a sales action */
  act: boolean;
  convert: boolean;
  markLost: boolean;
  reopen: boolean;
  /** send an email from the lead page (the email panel's own function checks again) */
  email: boolean;
  /** move the planned follow-up later */
  snooze: boolean;
  /** enrol the lead in a sequence (lib/sequences/) */
  enrol: boolean;
};

export type TLeadDetail = {
  id: number;
  status: TLeadStatus;
  leadSource: TLeadSource;
  leadData: Record<string, unknown>;
  estimatedValue: number;
  /** The haul estimate of the lead's largest load (null: no load on this lead). */
  haul: THaulEstimate | null;
  priorityScore: number;
  states: string[];
  assignedAt: string | null;
  nextFollowUpAt: string | null;
  /** false: the follow-up is a day ("any time that day"). */
  nextFollowUpHasTime: boolean;
  lastContactAt: string | null;
  lastCallOutcome: TActionOutcome | null;
  lostReason: string | null;
  closedAt: string | null;
  createdAt: string;
  assignee: { id: number; name: string; email: string; phone: string | null } | null;
  company: TCompanySummary;
  contacts: TContactSummary[];
  conversion: {
    value: number;
    type: TConversionType;
    orderId: string | null;
    notes: string | null;
    adminName: string | null;
    createdAt: string;
  } | null;
  may: TLeadPermissions;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The lead page's data, with what the viewer may do to it (the domain functions check again). */
export const getLeadDetail = command({ input: ZGetLeadDetail, may: "lead.read" }, async (actor, data): Promise<TLeadDetail> => {
  const lead = await db.salesLead.findUnique({
    where: { id: data.lead_id },
    include: {
      company: { include: { contacts: { orderBy: { name: "asc" } } } },
      assignedAdmin: { select: { id: true, name: true, email: true, phone: true } },
      conversion: { include: { admin: { select: { name: true } } } },
    },
  });
  if (!lead) throw new AppError("NOT_FOUND", "Lead not found");

  // The approval switches (issue #21) decide whether "Mark lost" is open to a rep on this lead.
  const gates = leadGates(await getCompanySettings(), lead.estimatedValue.toNumber());
  const may = (step: TLeadStep) => stepBlockedReason(actor, step, { ...lead, gates }) === null;
  const c = lead.company;
  return {
    id: lead.id,
    status: lead.status,
    leadSource: lead.leadSource,
    leadData: (lead.leadData ?? {}) as Record<string, unknown>,
    estimatedValue: lead.estimatedValue.toNumber(),
    haul: (lead.haul ?? null) as unknown as THaulEstimate | null,
    priorityScore: lead.priorityScore,
    states: lead.states,
    assignedAt: iso(lead.assignedAt),
    nextFollowUpAt: iso(lead.nextFollowUpAt),
    nextFollowUpHasTime: lead.nextFollowUpHasTime,
    lastContactAt: iso(lead.lastContactAt),
    lastCallOutcome: lead.lastCallOutcome,
    lostReason: lead.lostReason,
    closedAt: iso(lead.closedAt),
    createdAt: lead.createdAt.toISOString(),
    assignee: lead.assignedAdmin,
    company: toCompanySummary(c),
    contacts: toContactSummaries(c.contacts),
    conversion: lead.conversion
      ? {
          value: lead.conversion.conversionValue.toNumber(),
          type: lead.conversion.conversionType,
          orderId: lead.conversion.orderId,
          notes: lead.conversion.notes,
          adminName: lead.conversion.admin?.name ?? null,
          createdAt: lead.conversion.createdAt.toISOString(),
        }
      : null,
    may: {
      claim: may("claim"),
      assign: may("assign"),
      release: may("release"),
      act: may("action"),
      convert: may("convert"),
      markLost: may("lose"),
      reopen: may("reopen"),
      email: may("email"),
      snooze: may("snooze") && lead.nextFollowUpAt !== null,
      enrol: may("enrol"),
    },
  };
});
