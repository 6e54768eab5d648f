import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { AppError, isLockConflict } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { zId } from "@/lib/leads/lead-input";
import { toE164 } from "@/lib/kernel/phone";
import { CLOSED_STATUSES } from "@/lib/leads/lead-rules";
import { MERGE_FIELDS, resolveMergeFields, type TMergeChoices, type TMergeValues } from "@/lib/companies/merge-fields";

// Each field names the company whose value the survivor keeps (a radio per field on the merge
// page); a field left out keeps the survivor's own value.
export const ZMergeCompanies = z
  .object({
    survivor_id: zId("survivor_id"),
    merged_id: zId("merged_id"),
    name: zId("name").optional(),
    external_id: zId("external_id").optional(),
    usdot: zId("usdot").optional(),
    mc_number: zId("mc_number").optional(),
    email: zId("email").optional(),
    phone: zId("phone").optional(),
    city: zId("city").optional(),
    state: zId("state").optional(),
  })
  .superRefine((d, ctx) => {
    if (d.survivor_id === d.merged_id)
      ctx.addIssue({ code: "custom", path: ["merged_id"], message: "A company cannot be merged with itself" });
    for (const f of MERGE_FIELDS) {
      const v = d[f];
      if (v !== undefined && v !== d.survivor_id && v !== d.merged_id)
        ctx.addIssue({ code: "custom", path: [f], message: "Choose the value of one of the two companies" });
    }
  });
export type TMergeCompanies = z.input<typeof ZMergeCompanies>;

export type TMergeResult = {
  survivorId: number;
  mergedId: number;
  movedLeads: number;
  movedContacts: number;
  movedNotes: number;
  /** When both companies had open leads: all of them, now the survivor's (left for a person to combine). */
  openLeads: number[];
};

type TCompanyRow = {
  id: number;
  external_id: string | null;
  name: string;
  email: string | null;
  email_norm: string | null;
  phone: string | null;
  usdot: string | null;
  mc_number: string | null;
  city: string | null;
  state: string | null;
  merged_names: string | null;
  merged_into_id: number | null;
};

const values = (c: TCompanyRow): TMergeValues => ({
  name: c.name,
  external_id: c.external_id,
  usdot: c.usdot,
  mc_number: c.mc_number,
  email: c.email,
  phone: c.phone,
  city: c.city,
  state: c.state?.trim() ?? null,
});

// Another transaction changed a company's identifiers between our read and our locks (or a
// deadlock with an ingest batch): the whole merge runs again, a few times at most.
class RetryMerge extends Error {}
const ATTEMPTS = 4;

/**
 * Merges one company into another (issue 17), in one transaction: the survivor takes the chosen
 * value of each field; every lead (with its activities, actions, emails, texts, conversion, events,
 * notes), every contact and every note on the company moves to it; the other company stays as a tombstone (merged_into_id) whose
 * identifiers route later webhooks to the survivor; pending merge requests of the pair are
 * closed; each lead's timeline and the audit log say so, with both companies as they were.
 *
 * Locks, in the order ingest_upsert_company() takes them, so a merge and an ingest never wait on
 * each other in a circle: first the identity keys (pg_advisory_xact_lock, sorted) of both
 * companies and of the tombstones already merged into either — every event that could land on
 * either company needs one of them — then the companies' lead locks (by id), then the rows.
 */
export const mergeCompanies = command(
  { input: ZMergeCompanies, may: "companies.merge" },
  async (actor, data): Promise<TMergeResult> => {
    const choices: TMergeChoices = {};
    for (const f of MERGE_FIELDS) {
      const v = data[f];
      if (v !== undefined) choices[f] = v === data.merged_id ? "merged" : "survivor";
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.$transaction((tx) => mergeOnce(tx, actor, data.survivor_id, data.merged_id, choices), {
          maxWait: 20_000,
          timeout: 30_000,
        });
      } catch (err) {
        if (attempt < ATTEMPTS && (err instanceof RetryMerge || isLockConflict(err))) continue;
        if (err instanceof RetryMerge) throw new AppError("CONFLICT", "The companies kept changing during the merge; try again.");
        throw err;
      }
    }
  },
);

type TTx = Prisma.TransactionClient;

/**
 * The names the survivor is also known by after the merge: both companies' names and the names
 * each already carried, except the one it keeps. The leads search matches them (its index is
 * companies_merged_names_trgm_idx), so the merged company is still found by its old name.
 */
function mergedNames(kept: string, companies: TCompanyRow[]): string | null {
  const names = new Set(companies.flatMap((c) => [c.name, ...(c.merged_names?.split("\n") ?? [])]));
  names.delete(kept);
  return [...names].sort().join("\n") || null;
}

async function identityKeys(tx: TTx, ids: number[]): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ k: string }[]>`
    SELECT DISTINCT k::text FROM companies c, company_identity_keys(c.external_id, c.usdot, c.email_norm, c.mc_number) AS k
    WHERE c.id = ANY(${ids}::int[]) OR c.merged_into_id = ANY(${ids}::int[])`;
  return new Set(rows.map((r) => r.k));
}

async function mergeOnce(tx: TTx, actor: { id: number; email: string }, survivorId: number, mergedId: number, choices: TMergeChoices): Promise<TMergeResult> {
  const ids = [survivorId, mergedId];
  const keys = await identityKeys(tx, ids);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(k) FROM (SELECT unnest(${[...keys]}::bigint[]) AS k ORDER BY 1) AS sorted_keys`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sales_leads.company'), id) FROM (SELECT unnest(${ids}::int[]) AS id ORDER BY 1) AS sorted_ids`;
  const rows = await tx.$queryRaw<TCompanyRow[]>`
    SELECT id, external_id, name, email, email_norm, phone, usdot, mc_number, city, state::text AS state, merged_names, merged_into_id
    FROM companies WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
  const survivor = rows.find((r) => r.id === survivorId);
  const merged = rows.find((r) => r.id === mergedId);
  if (!survivor || !merged) throw new AppError("NOT_FOUND", "Company not found");
  for (const c of [merged, survivor])
    if (c.merged_into_id !== null)
      throw new AppError("CONFLICT", `Company #${c.id} was already merged into company #${c.merged_into_id}.`);
  // An identifier that arrived after our read has a key we do not hold: start again with it.
  for (const k of await identityKeys(tx, ids)) if (!keys.has(k)) throw new RetryMerge();

  const before = { survivor: values(survivor), merged: values(merged) };
  const resolved = resolveMergeFields(before.survivor, before.merged, choices);
  const keep = resolved.survivor;
  const tomb = resolved.tombstone;
  const now = new Date();
  const name = keep.name ?? survivor.name;
  // Two open leads of one carrier may be one job or two (a second lane, another contact): the
  // merge keeps both and says so on the timeline; combining them is a person's call.
  const open = await tx.salesLead.findMany({
    where: { companyId: { in: ids }, status: { notIn: [...CLOSED_STATUSES] } },
    orderBy: { id: "asc" },
    select: { id: true, companyId: true },
  });
  const openLeads = ids.every((id) => open.some((l) => l.companyId === id)) ? open.map((l) => l.id) : [];

  // external_id is unique: the tombstone lets go of its own before the survivor may take it.
  await tx.company.update({ where: { id: mergedId }, data: { externalId: null } });
  await tx.company.update({
    where: { id: survivorId },
    data: {
      name,
      mergedNames: mergedNames(name, [survivor, merged]),
      externalId: keep.external_id,
      usdot: keep.usdot,
      mcNumber: keep.mc_number,
      email: keep.email,
      emailNorm: keep.email?.trim().toLowerCase() ?? null,
      phone: keep.phone,
      phoneNorm: toE164(keep.phone),
      city: keep.city,
      state: keep.state,
    },
  });
  await tx.company.update({
    where: { id: mergedId },
    data: {
      externalId: tomb.external_id,
      usdot: tomb.usdot,
      mcNumber: tomb.mc_number,
      email: tomb.email,
      emailNorm: tomb.email?.trim().toLowerCase() ?? null,
      phone: tomb.phone,
      phoneNorm: toE164(tomb.phone),
      mergedIntoId: survivorId,
      mergedAt: now,
    },
  });
  // Chains stay one hop: whatever was merged into the loser now points at the survivor.
  await tx.company.updateMany({ where: { mergedIntoId: mergedId }, data: { mergedIntoId: survivorId } });

  const movedLeads = await tx.$queryRaw<{ id: number }[]>`
    UPDATE sales_leads SET company_id = ${survivorId}, updated_at = now() WHERE company_id = ${mergedId} RETURNING id`;
  const movedContacts = await tx.contact.updateMany({ where: { companyId: mergedId }, data: { companyId: survivorId } });
  // Internal notes on the company itself (notes on its leads move with the leads).
  const movedNotes = await tx.note.updateMany({ where: { companyId: mergedId }, data: { companyId: survivorId } });
  // Requests about this pair are done; those naming the loser and a third company now name the
  // survivor (unless the survivor already has that request), the rest are closed with the merge.
  await tx.companyMergeRequest.updateMany({
    where: { status: "pending", companyId: { in: ids }, duplicateOfId: { in: ids } },
    data: { status: "merged", resolvedById: actor.id, resolvedAt: now },
  });
  await tx.$executeRaw`
    UPDATE company_merge_requests r SET company_id = ${survivorId}
    WHERE r.company_id = ${mergedId} AND r.status = 'pending'
      AND NOT EXISTS (SELECT 1 FROM company_merge_requests o WHERE o.company_id = ${survivorId} AND o.duplicate_of_id = r.duplicate_of_id)`;
  await tx.$executeRaw`
    UPDATE company_merge_requests r SET duplicate_of_id = ${survivorId}
    WHERE r.duplicate_of_id = ${mergedId} AND r.status = 'pending'
      AND NOT EXISTS (SELECT 1 FROM company_merge_requests o WHERE o.company_id = r.company_id AND o.duplicate_of_id = ${survivorId})`;
  await tx.companyMergeRequest.updateMany({
    where: { status: "pending", OR: [{ companyId: mergedId }, { duplicateOfId: mergedId }] },
    data: { status: "merged", resolvedById: actor.id, resolvedAt: now },
  });
  const moved = { leads: movedLeads.map((l) => l.id), contacts: movedContacts.count, notes: movedNotes.count };
  await tx.companyMerge.create({
    data: { survivorId, mergedId, actorId: actor.id, choices, before, moved },
  });

  // Every lead of the survivor, moved or not, shows the merge in its timeline (and so the
  // company's history, which is its leads' timelines together).
  const survivorLeads = await tx.salesLead.findMany({ where: { companyId: survivorId }, select: { id: true } });
  const movedIds = new Set(moved.leads);
  for (const lead of survivorLeads)
    await recordLeadEvent(tx, {
      leadId: lead.id,
      actorId: actor.id,
      type: "company_merged",
      data: {
        survivor_id: survivorId,
        merged_id: mergedId,
        merged_name: merged.name,
        survivor_name: keep.name,
        moved: movedIds.has(lead.id),
        ...(openLeads.length ? { open_leads: openLeads } : {}),
      },
    });

  await recordAudit(tx, {
    actor,
    action: "company.merged",
    target: { type: "company", id: survivorId },
    before,
    after: { survivor: keep, tombstone: { id: mergedId, ...tomb, merged_into_id: survivorId }, choices, moved, open_leads: openLeads },
  });
  return { survivorId, mergedId, movedLeads: moved.leads.length, movedContacts: moved.contacts, movedNotes: moved.notes, openLeads };
}
