import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { TLeadEmailRow } from "@/lib/email/load-email-context";
import { toE164 } from "@/lib/kernel/phone";

// The lead facts texting needs: the email row (for the shared {{variables}}), the numbers and
// the company's state (its time zone decides the sending hours).
export type TTextRecipient = { phone: string; name: string | null; label: string };
export type TLeadTextRow = TLeadEmailRow & { state: string | null; recipients: TTextRecipient[]; contactPhones: { name: string; email: string | null; phone: string | null }[] };

const SELECT = {
  id: true,
  status: true,
  assignedAdminId: true,
  leadData: true,
  company: { select: { name: true, email: true, phone: true, state: true, contacts: { select: { name: true, email: true, phone: true }, orderBy: { id: "asc" } } } },
} as const satisfies Prisma.SalesLeadSelect;

/** Where this lead can be texted: its contacts' numbers first, then the company's, in E.164, each once. */
function recipientsOf(company: { name: string; phone: string | null; contacts: { name: string; phone: string | null }[] }): TTextRecipient[] {
  const out: TTextRecipient[] = [];
  const add = (raw: string | null, name: string | null, who: string) => {
    const phone = toE164(raw);
    if (phone && !out.some((r) => r.phone === phone)) out.push({ phone, name, label: `${who} ${phone}` });
  };
  for (const c of company.contacts) add(c.phone, c.name, c.name);
  add(company.phone, null, company.name);
  return out;
}

export async function loadLeadForText(leadId: number): Promise<TLeadTextRow> {
  const lead = await db.salesLead.findUnique({ where: { id: leadId }, select: SELECT });
  if (!lead) throw new AppError("NOT_FOUND", "Lead not found");
  const { contacts, state, name, email } = lead.company;
  return {
    id: lead.id,
    status: lead.status,
    assignedAdminId: lead.assignedAdminId,
    leadData: lead.leadData,
    company: { name, email },
    contacts: contacts.map((c) => ({ name: c.name, email: c.email })),
    contactPhones: contacts,
    state,
    recipients: recipientsOf(lead.company),
  };
}
