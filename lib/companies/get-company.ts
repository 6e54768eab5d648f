import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { zId } from "@/lib/leads/lead-input";
import { toCompanySummary, toContactSummaries, type TCompanySummary, type TContactSummary } from "@/lib/companies/company-summary";
import type { TLeadSource, TLeadStatus } from "@/lib/leads/lead-vocabulary";
import { command } from "@/lib/command";

export const ZGetCompany = z.object({ company_id: zId("company_id") });
export type TGetCompany = z.input<typeof ZGetCompany>;

export type TCompanyDetail = TCompanySummary & {
  externalId: string | null;
  createdAt: string;
  contacts: TContactSummary[];
  leads: {
    id: number;
    status: TLeadStatus;
    leadSource: TLeadSource;
    estimatedValue: number;
    createdAt: string;
    assigneeName: string | null;
  }[];
  may: { edit: boolean; createLead: boolean; merge: boolean };
  /** Set when this company was merged away: its page sends the reader to the survivor. */
  mergedIntoId: number | null;
  /** The names it was also known by (companies merged into it); the leads search finds them. */
  mergedNames: string[];
};

/** A company with its contacts and every one of its leads (a company has a handful, not thousands). */
export const getCompany = command({ input: ZGetCompany, may: "lead.read" }, async (actor, data): Promise<TCompanyDetail> => {
  const c = await db.company.findUnique({
    where: { id: data.company_id },
    include: {
      contacts: { orderBy: { name: "asc" } },
      leads: { orderBy: { createdAt: "desc" }, include: { assignedAdmin: { select: { name: true } } } },
    },
  });
  if (!c) throw new AppError("NOT_FOUND", "Company not found");
  return {
    ...toCompanySummary(c),
    externalId: c.externalId,
    createdAt: c.createdAt.toISOString(),
    contacts: toContactSummaries(c.contacts),
    leads: c.leads.map((l) => ({
      id: l.id,
      status: l.status,
      leadSource: l.leadSource,
      estimatedValue: l.estimatedValue.toNumber(),
      createdAt: l.createdAt.toISOString(),
      assigneeName: l.assignedAdmin?.name ?? null,
    })),
    may: { edit: can(actor, "company.edit"), createLead: can(actor, "lead.create"), merge: can(actor, "companies.merge") },
    mergedIntoId: c.mergedIntoId,
    mergedNames: c.mergedNames?.split("\n") ?? [],
  };
});
