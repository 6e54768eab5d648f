import "server-only";
import { z } from "zod";
import type { TActor } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { isStateCode } from "@/lib/geo/us-states";
import { TIME_ZONE_SQL } from "@/lib/kernel/company-settings";
import { toE164 } from "@/lib/kernel/phone";
import { emptyToUndefined, zId, ZMoney, zOptionalText } from "@/lib/leads/lead-input";
import { LEAD_SOURCES, LEAD_STATUSES } from "@/lib/leads/lead-vocabulary";
import { CALL_STATUS_KEYS, CALL_STATUSES } from "@/lib/calls/call-status";
import { HAUL_FILTERS } from "@/lib/haul/haul-vocabulary";
import { haulFilterSql } from "@/lib/haul/haul-filter-sql";

// The filter of the leads list, shared by the table and its CSV export. It arrives as URL
// search params (the view is bookmarkable), so lists are comma-separated strings.

function csvEnum<T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z
    .preprocess(
      (v) =>
        (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
          .flatMap((x) => String(x).split(","))
          .map((s) => s.trim())
          .filter(Boolean),
      z.array(z.enum(values, { error: `Unknown ${label}` })),
    )
    .default([]);
}

const ZDay = z.preprocess(emptyToUndefined, z.iso.date({ error: "Enter a date as YYYY-MM-DD" }).optional());

export const ZLeadFilter = z
  .object({
    q: zOptionalText(100, "The search"),
    status: csvEnum(LEAD_STATUSES, "status"),
    source: csvEnum(LEAD_SOURCES, "source"),
    call_status: csvEnum(CALL_STATUS_KEYS, "call status"),
    assigned: z.preprocess(
      emptyToUndefined,
      z.union([z.literal("me"), z.literal("none"), zId("assigned")]).optional(),
    ),
    state: z.preprocess(
      (v) => (typeof emptyToUndefined(v) === "string" ? String(v).trim().toUpperCase() : emptyToUndefined(v)),
      z.string().refine(isStateCode, "Unknown state").optional(),
    ),
    created_from: ZDay,
    created_to: ZDay,
    value_min: z.preprocess(emptyToUndefined, ZMoney.optional()),
    value_max: z.preprocess(emptyToUndefined, ZMoney.optional()),
    // Issue 16: leads whose haul needs a police escort and/or is a superload.
    haul: z.preprocess(emptyToUndefined, z.enum(HAUL_FILTERS, { error: "Unknown haul filter" }).optional()),
  })
  .superRefine((f, ctx) => {
    if (f.created_from && f.created_to && f.created_from > f.created_to)
      ctx.addIssue({ code: "custom", path: ["created_to"], message: "The end is before the start" });
    if (f.value_min && f.value_max && Number(f.value_min) > Number(f.value_max))
      ctx.addIssue({ code: "custom", path: ["value_max"], message: "The maximum is below the minimum" });
  });
export type TLeadFilter = z.output<typeof ZLeadFilter>;

const WHOLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The words a company name holding the term must hold, as a tsquery over to_tsvector('simple',
 * name), or null when the term has no middle word. A term of three words or more holds its middle
 * words whole, with whitespace on both sides, so a name holding the term holds each of them as a
 * word of its own; and it holds the last word as the start of one. (The first word can be the end
 * of a longer one and says nothing.) Only words the text parser always keeps whole are used: all
 * ASCII letters, or all digits ("Haul-Pro" is three lexemes, "I-35" two); others are left out,
 * which only widens the set the pattern then checks. A last word under three characters would
 * read every word it starts ("a:*"), so it is left out too.
 */
function nameWordsQuery(q: string): string | null {
  const words = q.split(/\s+/);
  const whole = words.slice(1, -1).filter((w) => /^(?:[a-z]+|\d+)$/i.test(w));
  if (!whole.length) return null;
  const last = words[words.length - 1];
  const prefix = /^[a-z0-9]{3,}$/i.test(last) ? [`${last}:*`] : [];
  return [...whole, ...prefix].join(" & ");
}

/**
 * The name arm of the search. A name of three words or more is found by its words: the word index
 * (companies_name_words_idx) intersects a few short lists ("coast", "logistics", "99851…"), then
 * the pattern checks the whole term on those few names, written as lower() LIKE so the planner
 * cannot add the trigram index to the word index's bitmap. The trigram index alone intersects
 * every trigram of the term, 25 for "Gulf Coast Logistics 99851", and none of them is rare (a
 * digit trigram is in one name of a few hundred): 4.4 ms of GIN at 200 000 companies, against
 * 0.09 ms by words, where the last word's few lexemes ("99851…") lead the intersection.
 * Shorter terms (a word, part of one, "Heavy Haul") keep the trigram index: their words may be
 * parts of words, and the planner reads a common one by walking the list's sort index instead.
 */
function nameArm(q: string, like: string): Prisma.Sql {
  const words = nameWordsQuery(q);
  if (!words) return Prisma.sql`c.name ILIKE ${like}`;
  // ILIKE is lower() of both sides then LIKE; the LIKE goes first, so a company read by its key
  // (the sort-index walk) parses its name into words only when the pattern matched.
  return Prisma.sql`(lower(c.name) LIKE lower(${like}) AND to_tsvector('simple', c.name) @@ to_tsquery('simple', ${words}))`;
}

/**
 * The lead's company matches a search: an EXISTS over companies with the arms OR'd, so the
 * planner picks per term. A rare term (a company's name, a USDOT) is a BitmapOr of the trigram
 * GIN indexes on name, email, phone and merged_names (the names of companies merged into it, so a
 * merged company is found by its old name) and the btree on usdot, joined to the leads by
 * company; a common word ("Heavy Haul": a tenth of 200 000 companies) walks the list's sort index
 * and probes each lead's company by primary key, stopping at the page. The former
 * `company_id IN (… UNION …)` built the whole matching set first: 1.1 s at 1 000 000 leads.
 */
function searchCompanies(q: string): Prisma.Sql {
  // q arrives trimmed (zText in ZLeadFilter).
  // A whole email address or a whole phone number is one company (or a few): a btree by equality
  // on what every company writer stores beside it (email_norm; phone_norm, the E.164 of
  // lib/kernel/phone.ts) finds them, then the leads by company. Their trigrams match thousands
  // of companies (a shared domain; "512", "555"), and the bitmaps read them all: 2.1–3.9× the demo.
  if (WHOLE_EMAIL.test(q))
    return Prisma.sql`l.company_id IN (SELECT c.id FROM companies c WHERE c.email_norm = ${q.toLowerCase()})`;
  const digits = q.replace(/[\s().+-]/g, "");
  const phone = /^\d{10,11}$/.test(digits) ? toE164(q) : null;
  if (phone) return Prisma.sql`l.company_id IN (SELECT c.id FROM companies c WHERE c.phone_norm = ${phone})`;
  const like = `%${escapeLike(q)}%`;
  // Each arm is a bitmap scan of its own trigram index, whose cost follows the term's trigrams,
  // not its matches: a name like "Lone Star Heavy Haul" read the email and phone indexes' long
  // lists for "hea", "hau" … to find nothing there. So an arm that cannot match is left out: an
  // email holds no whitespace (z.email() at every entry), and a phone is digits and separators
  // (at most an "ext"/"x" extension), so a term without a digit, or with another letter, is no phone.
  const arms = [nameArm(q, like), Prisma.sql`c.merged_names ILIKE ${like}`];
  if (!/\s/.test(q)) arms.push(Prisma.sql`c.email ILIKE ${like}`);
  const dot = /^(?:us\s*)?(?:dot\s*)?#?\s*(\d{3,9})$/i.exec(q);
  if (dot) arms.push(Prisma.sql`c.usdot = ${dot[1]}`);
  if (/^\d{7,11}$/.test(digits)) {
    // "(512) 555-01" and "5550100" find "+1 512 555 0100": the digits in groups, any separator
    // (which also finds every phone the term itself is in).
    const d = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
    const groups =
      d.length === 10 ? [d.slice(0, 3), d.slice(3, 6), d.slice(6)] : [d.slice(0, d.length - 4), d.slice(-4)];
    arms.push(Prisma.sql`c.phone ILIKE ${`%${groups.join("%")}%`}`);
  } else if (/\d/.test(q) && !/[a-df-su-wyz]/i.test(q)) arms.push(Prisma.sql`c.phone ILIKE ${like}`);
  return Prisma.sql`EXISTS (SELECT 1 FROM companies c WHERE c.id = l.company_id AND (${Prisma.join(arms, " OR ")}))`;
}

/** The conditions over `sales_leads l`. Every lead is readable, so the actor only resolves "me". */
export function leadFilterConditions(actor: TActor, f: TLeadFilter): Prisma.Sql[] {
  const conds: Prisma.Sql[] = [];
  if (f.q) conds.push(searchCompanies(f.q));
  if (f.status.length)
    conds.push(Prisma.sql`l.status IN (${Prisma.join(f.status.map((s) => Prisma.sql`${s}::lead_status`))})`);
  if (f.source.length)
    conds.push(
      Prisma.sql`l.lead_source IN (${Prisma.join(f.source.map((s) => Prisma.sql`${s}::lead_source`))})`,
    );
  if (f.assigned === "none") conds.push(Prisma.sql`l.assigned_admin_id IS NULL`);
  else if (f.assigned !== undefined)
    conds.push(Prisma.sql`l.assigned_admin_id = ${f.assigned === "me" ? actor.id : f.assigned}`);
  if (f.call_status.length) {
    // The latest call's outcome (lib/calls/call-status.ts); "not called" is no call at all.
    const outcomes = CALL_STATUSES.filter((s) => f.call_status.includes(s.key)).map((s) => s.outcome);
    const named = outcomes.filter((o) => o !== null).map((o) => Prisma.sql`${o}::action_outcome`);
    const either = [
      ...(outcomes.includes(null) ? [Prisma.sql`l.last_call_outcome IS NULL`] : []),
      ...(named.length ? [Prisma.sql`l.last_call_outcome IN (${Prisma.join(named)})`] : []),
    ];
    conds.push(Prisma.sql`(${Prisma.join(either, " OR ")})`);
    // A call outcome comes with a contact (a trigger holds it: migration call_outcome_needs_contact).
    // Said here, the "last contact" sort's index range starts after the leads never contacted,
    // which it otherwise reads through (150 000 of them at 1 000 000 leads) before a first match.
    if (!outcomes.includes(null)) conds.push(Prisma.sql`l.last_contact_at IS NOT NULL`);
  }
  if (f.state) conds.push(Prisma.sql`l.states @> ARRAY[${f.state}]::text[]`);
  if (f.created_from)
    conds.push(
      Prisma.sql`l.created_at >= (${f.created_from}::date::timestamp AT TIME ZONE ${TIME_ZONE_SQL})`,
    );
  if (f.created_to)
    conds.push(
      Prisma.sql`l.created_at < ((${f.created_to}::date + 1)::timestamp AT TIME ZONE ${TIME_ZONE_SQL})`,
    );
  if (f.value_min) conds.push(Prisma.sql`l.estimated_value >= ${f.value_min}::numeric`);
  if (f.value_max) conds.push(Prisma.sql`l.estimated_value <= ${f.value_max}::numeric`);
  const haul = haulFilterSql(f.haul);
  if (haul) conds.push(haul);
  return conds;
}

export function whereSql(conds: Prisma.Sql[]): Prisma.Sql {
  return conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
}
