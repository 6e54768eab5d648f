import "server-only";
import { z } from "zod";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { TTx } from "@/lib/leads/lead-transaction";
import { zId } from "@/lib/leads/lead-input";
import { db } from "@/lib/db";

/** A thread is a lead's or a company's: exactly one of the two ids. */
export const ZNoteThread = z
  .object({ lead_id: zId("lead_id").optional(), company_id: zId("company_id").optional() })
  .refine((t) => (t.lead_id === undefined) !== (t.company_id === undefined), { message: "Give a lead_id or a company_id", path: ["lead_id"] });

export type TNoteThread = { leadId: number | null; companyId: number | null; subject: string; href: string };

/**
 * The thread the actor asks for, when they may see it: whoever may see the lead (company) sees its
 * notes. Who may see a lead is the lead page's rule (getLeadDetail: `lead.read` and the lead
 * existing); notes ask here, so when that rule narrows it narrows for notes in this one place.
 * Anything else is 404, the same answer as a lead that does not exist.
 */
export async function findVisibleThread(
  actor: Pick<TActor, "id" | "role">,
  thread: { lead_id?: number | null; company_id?: number | null },
  tx: TTx | typeof db = db,
): Promise<TNoteThread> {
  assertCan(actor as TActor, "lead.read");
  if (thread.lead_id) {
    const lead = await tx.salesLead.findUnique({ where: { id: thread.lead_id }, select: { id: true, company: { select: { name: true } } } });
    if (!lead) throw new AppError("NOT_FOUND", "Lead not found");
    return { leadId: lead.id, companyId: null, subject: lead.company.name, href: `/admin/crm/lead/${lead.id}` };
  }
  if (thread.company_id) {
    const company = await tx.company.findUnique({ where: { id: thread.company_id }, select: { id: true, name: true } });
    if (!company) throw new AppError("NOT_FOUND", "Company not found");
    return { leadId: null, companyId: company.id, subject: company.name, href: `/admin/crm/company/${company.id}` };
  }
  throw new AppError("NOT_FOUND", "Not found");
}

/** A note row with its thread checked for the actor (404 when either is missing or not visible); locks it in `tx`. */
export async function findVisibleNoteForUpdate(tx: TTx, actor: TActor, noteId: number) {
  const [note] = await tx.$queryRaw<
    { id: number; lead_id: number | null; company_id: number | null; author_id: number; body: string; mention_ids: number[]; created_at: Date; deleted_at: Date | null }[]
  >`SELECT id, lead_id, company_id, author_id, body, mention_ids, created_at, deleted_at FROM notes WHERE id = ${noteId} FOR UPDATE`;
  if (!note) throw new AppError("NOT_FOUND", "Note not found");
  const thread = await findVisibleThread(actor, note, tx);
  return { note, thread };
}
