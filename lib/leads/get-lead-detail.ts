import "server-only";
import { toCompanySummary, toContactSummaries, type TCompanySummary, type TContactSummary } from "@/lib/companies/company-summary";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZLeadId } from "@/lib/leads/lead-input";
import { coveredHolderId, stepBlockedReason, type TLeadStep, type TRuleLead } from "@/lib/leads/lead-rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { runningAwaySql } from "@/lib/away/away-sql";
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
  /**
   * The viewer covers for the away holder now (lib/away/): they may call, log and snooze here as
   * the holder's cover until `until`; null otherwise (also after the period ends).
   */
  coveringFor: { id: number; name: string; until: string } | null;
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

  // The approval switches (issue #21) decide whether "Mark lost" is open to a rep on this lead;
  // the holder's running away periods whether the viewer works it as their cover (as lockLead reads).
  const [settings, covers] = await Promise.all([
    getCompanySettings(),
    lead.assignedAdminId === null
      ? []
      : db.$queryRaw<{ cover_user_id: number; ends_at: Date }[]>(runningAwaySql(Prisma.sql`${lead.assignedAdminId}`)),
  ]);
  const rule: TRuleLead = { ...lead, gates: leadGates(settings, lead.estimatedValue.toNumber()), coverIds: covers.map((c) => c.cover_user_id) };
  const may = (step: TLeadStep) => stepBlockedReason(actor, step, rule) === null;
  const covering = coveredHolderId(actor, rule) !== null ? covers.find((c) => c.cover_user_id === actor.id) : undefined;
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
    coveringFor:
      covering && lead.assignedAdmin ? { id: lead.assignedAdmin.id, name: lead.assignedAdmin.name, until: covering.ends_at.toISOString() } : null,
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
