import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { TEmailSender, TLeadForEmail } from "@/lib/email/lead-variables";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";

// The lead and sender facts every email function needs, read the same way everywhere.
export type TLeadEmailRow = TLeadForEmail & { status: TLeadStatus; assignedAdminId: number | null };

export const LEAD_EMAIL_SELECT = {
  id: true,
  status: true,
  assignedAdminId: true,
  leadData: true,
  company: { select: { name: true, email: true, contacts: { select: { name: true, email: true }, orderBy: { id: "asc" } } } },
} as const satisfies Prisma.SalesLeadSelect;

export function toLeadEmailRow(lead: Prisma.SalesLeadGetPayload<{ select: typeof LEAD_EMAIL_SELECT }>): TLeadEmailRow {
  const { contacts, ...company } = lead.company;
  return { id: lead.id, status: lead.status, assignedAdminId: lead.assignedAdminId, leadData: lead.leadData, company, contacts };
}

export async function loadLeadForEmail(leadId: number): Promise<TLeadEmailRow> {
  const lead = await db.salesLead.findUnique({ where: { id: leadId }, select: LEAD_EMAIL_SELECT });
  if (!lead) throw new AppError("NOT_FOUND", "Lead not found");
  return toLeadEmailRow(lead);
}

export async function loadSender(userId: number): Promise<TEmailSender> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true, phone: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  return user;
}
