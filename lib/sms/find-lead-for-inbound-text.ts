import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { toE164 } from "@/lib/kernel/phone";
import { OPEN_STATUSES } from "@/lib/leads/lead-rules";

export type TInboundTextLead = {
  leadId: number;
  holderId: number | null;
  companyName: string;
  /** thread: the lead we last texted at this number; number: a lead of the company the number belongs to. */
  matchedBy: "thread" | "number";
};

// The expression of the index contacts_phone_tail_idx (migration
// …_sequence_text_templates_and_text_lookups), spelled exactly so, or PostgreSQL will not use it:
// a number's last ten digits however it was written.
const CONTACT_PHONE_TAIL_SQL = Prisma.sql`right(regexp_replace(phone, '[^0-9]', '', 'g'), 10)`;

/** The companies whose own number, or one of whose contacts' numbers, is `from` (E.164). */
async function companiesWithNumber(from: string): Promise<number[]> {
  const tail = from.replace(/\D/g, "").slice(-10);
  const [companies, contacts] = await Promise.all([
    // companies.phone_norm is the E.164 every company writer stores beside the phone (indexed).
    db.company.findMany({ where: { phoneNorm: from, mergedIntoId: null }, select: { id: true } }),
    db.$queryRaw<{ company_id: number; phone: string }[]>`
      SELECT company_id, phone FROM contacts WHERE phone IS NOT NULL AND ${CONTACT_PHONE_TAIL_SQL} = ${tail}`,
  ]);
  // The index finds candidates by digits; the one reading of a number decides (a "+44" number
  // sharing ten digits with a US one is not it).
  const fromContacts = contacts.filter((c) => toE164(c.phone) === from).map((c) => c.company_id);
  return [...new Set([...companies.map((c) => c.id), ...fromContacts])];
}

/**
 * Which lead a text from `from` belongs to. First the conversation: the lead we last texted at that
 * number. Else the number's owner: a company with that number, or with a contact who has it, and
 * of its leads the one someone works (assigned or in progress), else one in the pool, else a
 * closed one, the newest of each. Several companies with the number (duplicates): all of their
 * leads, ranked alike. Null: a number we know nothing of (the Texts page lists those texts).
 */
export async function findLeadForInboundText(from: string): Promise<TInboundTextLead | null> {
  const last = await db.textMessage.findFirst({
    where: { toPhone: from, direction: "outbound", leadId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { leadId: true, lead: { select: { assignedAdminId: true, company: { select: { name: true } } } } },
  });
  if (last?.leadId && last.lead) return { leadId: last.leadId, holderId: last.lead.assignedAdminId, companyName: last.lead.company.name, matchedBy: "thread" };

  if (toE164(from) !== from) return null;
  const companyIds = await companiesWithNumber(from);
  if (!companyIds.length) return null;
  const open = Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::lead_status`));
  const [lead] = await db.$queryRaw<{ id: number; assigned_admin_id: number | null; name: string }[]>`
    SELECT l.id, l.assigned_admin_id, c.name
      FROM sales_leads l JOIN companies c ON c.id = l.company_id
     WHERE l.company_id = ANY(${companyIds}::int[])
     ORDER BY CASE WHEN l.status IN (${open}) THEN 0 WHEN l.status = 'pending' THEN 1 ELSE 2 END, l.created_at DESC, l.id DESC
     LIMIT 1`;
  return lead ? { leadId: lead.id, holderId: lead.assigned_admin_id, companyName: lead.name, matchedBy: "number" } : null;
}
