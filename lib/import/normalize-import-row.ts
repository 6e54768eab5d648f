import { isValid, parse, parseISO } from "date-fns";
import { toE164 } from "@/lib/kernel/phone";
import { z } from "zod";
import { US_STATES, isStateCode } from "@/lib/geo/us-states";
import { IMPORT_FIELD_LABELS, headerKey, type TImportField } from "@/lib/import/import-fields";
import type { TImportMapping } from "@/lib/import/map-import-headers";
import { LEAD_STATUSES, STATUS_LABELS, type TLeadStatus } from "@/lib/leads/lead-vocabulary";

/** A row as it would be written: every value cleaned, or null when the file left it empty. */
export type TImportRow = {
  company_name: string | null;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  usdot: string | null;
  mc_number: string | null;
  state: string | null;
  city: string | null;
  lead_status: TLeadStatus | null;
  owner_email: string | null;
  source: string | null;
  notes: string | null;
  /** A decimal string with two places (money is never a float). */
  estimated_value: string | null;
  /** A calendar day, yyyy-MM-dd. */
  created_date: string | null;
  external_id: string | null;
};

/** Why one value of one row cannot be imported: the error report's row, column and reason. */
export type TImportProblem = { row: number; column: string; field: TImportField | null; value: string; reason: string };

const ZEmail = z.string().email();

// Words other CRMs use for a lead's stage, as our statuses. Compared through headerKey().
const STATUS_WORDS: Record<string, TLeadStatus> = Object.fromEntries([
  ...LEAD_STATUSES.map((s) => [headerKey(s), s]),
  ...LEAD_STATUSES.map((s) => [headerKey(STATUS_LABELS[s]), s]),
  ...["new", "open", "unassigned"].map((w) => [w, "pending"]),
  ...["attempted to contact", "contacted", "connected", "working", "qualified", "open deal"].map((w) => [headerKey(w), "in_progress"]),
  ...["customer", "won", "closed won"].map((w) => [headerKey(w), "converted"]),
  ...["unqualified", "bad timing", "closed lost", "not interested", "dead"].map((w) => [headerKey(w), "lost"]),
]);

const STATE_BY_NAME: Record<string, string> = Object.fromEntries(
  Object.entries(US_STATES).map(([code, s]) => [headerKey(s.name), code]),
);

// Dates as spreadsheets and CRM exports write them; US order for slashes (these are US carriers).
const DATE_FORMATS = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "M/d/yyyy", "M/d/yyyy H:mm", "M/d/yyyy h:mm a", "M/d/yy"];

type TResult<T> = { ok: T } | { reason: string };

function text(max: number) {
  return (v: string): TResult<string> => (v.length > max ? { reason: `Longer than ${max} characters` } : { ok: v });
}

function phone(v: string): TResult<string> {
  const e164 = toE164(v);
  return e164 ? { ok: e164 } : { reason: "Not a phone number" };
}

function email(v: string): TResult<string> {
  const lower = v.toLowerCase();
  return ZEmail.safeParse(lower).success && lower.length <= 254 ? { ok: lower } : { reason: "Not an email address" };
}

function usdot(v: string): TResult<string> {
  const digits = v.replace(/^(?:US\s*)?DOT\s*(?:#|No\.?|Number)?\s*:?\s*/i, "").trim();
  return /^\d{1,8}$/.test(digits) ? { ok: digits } : { reason: "A USDOT number is 1 to 8 digits" };
}

function mcNumber(v: string): TResult<string> {
  const m = /^(?:MC|MX)?\s*[-#:]?\s*(\d{1,8})$/i.exec(v);
  return m ? { ok: `MC-${m[1]}` } : { reason: "An MC number is MC followed by up to 8 digits" };
}

function state(v: string): TResult<string> {
  const upper = v.toUpperCase();
  if (isStateCode(upper)) return { ok: upper };
  const byName = STATE_BY_NAME[headerKey(v)];
  return byName ? { ok: byName } : { reason: "Not a US state" };
}

function leadStatus(v: string): TResult<TLeadStatus> {
  const status = STATUS_WORDS[headerKey(v)];
  return status ? { ok: status } : { reason: `Unknown lead status (use ${LEAD_STATUSES.join(", ")})` };
}

function money(v: string): TResult<string> {
  const bare = v.replace(/USD|[$€£\s]/gi, "");
  let plain: string | null = null;
  if (/^\d{1,3}(,\d{3})*(\.\d+)?$/.test(bare) || /^\d+(\.\d+)?$/.test(bare)) plain = bare.replace(/,/g, "");
  // 1.234,56 and 1234,56: the decimal comma of a ;-separated European export.
  else if (/^\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(bare) || /^\d+,\d{1,2}$/.test(bare)) plain = bare.replace(/\./g, "").replace(",", ".");
  const n = plain === null ? NaN : Number(plain);
  if (!Number.isFinite(n)) return { reason: "Not an amount" };
  if (n >= 1e10) return { reason: "Amount too large" };
  return { ok: n.toFixed(2) };
}

// The two shapes nearly every export uses, read directly: date-fns tries each format in turn at
// some 200 µs a value, which alone made a 100 000-row file take 20 s.
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*[AaPp][Mm])?)?$/;

function quickDay(v: string): TResult<string> | null {
  const iso = ISO_DAY.exec(v);
  const us = iso ? null : US_DAY.exec(v);
  const m = iso ?? us;
  if (!m) return null;
  const [y, mo, d] = iso ? [+m[1], +m[2], +m[3]] : [+m[3], +m[1], +m[2]];
  if ((m[4] !== undefined && +m[4] > 23) || (m[5] !== undefined && +m[5] > 59) || (m[6] !== undefined && +m[6] > 59)) return { reason: "Not a date" };
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return { reason: "Not a date" };
  if (y < 1900 || y > 2100) return { reason: "Not a plausible date" };
  return { ok: `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

function day(v: string): TResult<string> {
  const quick = quickDay(v);
  if (quick) return quick;
  const reference = new Date(2000, 0, 1);
  const found = [...DATE_FORMATS.map((f) => parse(v, f, reference)), parseISO(v)].find(isValid);
  if (!found) return { reason: "Not a date" };
  const y = found.getFullYear();
  if (y < 1900 || y > 2100) return { reason: "Not a plausible date" };
  return { ok: `${y}-${String(found.getMonth() + 1).padStart(2, "0")}-${String(found.getDate()).padStart(2, "0")}` };
}

const CLEAN: { [F in Exclude<TImportField, "contact_first_name" | "contact_last_name">]: (v: string) => TResult<NonNullable<TImportRow[F]>> } = {
  company_name: text(200),
  contact_name: text(120),
  email,
  phone,
  usdot,
  mc_number: mcNumber,
  state,
  city: text(120),
  lead_status: leadStatus,
  owner_email: email,
  source: text(120),
  notes: text(5000),
  estimated_value: money,
  created_date: day,
  external_id: text(120),
};

/** One value cleaned as an import field would be (also for comparing with what a company holds). */
export function cleanImportValue<F extends keyof typeof CLEAN>(field: F, value: string): NonNullable<TImportRow[F]> | null {
  const result = CLEAN[field](value.trim());
  return "ok" in result ? (result.ok as NonNullable<TImportRow[F]>) : null;
}

/**
 * One record of the file as an import row: each mapped value cleaned (phones to E.164, states to
 * USPS codes, emails lower-cased, amounts and dates parsed), with a problem for each value that
 * cannot be, naming its row and column. A row with any problem is rejected whole, never half
 * imported; a row without a company name has nothing to import.
 */
export function normalizeImportRow(
  record: { row: number; values: string[] },
  headers: string[],
  mapping: TImportMapping,
): { data: TImportRow; problems: TImportProblem[] } {
  const data = Object.fromEntries(Object.keys(CLEAN).map((f) => [f, null])) as TImportRow;
  const problems: TImportProblem[] = [];
  let first = "";
  let last = "";
  let fullNameColumn = false;
  for (const [i, field] of mapping.entries()) {
    const value = (record.values[i] ?? "").trim();
    if (!field || value === "") continue;
    if (field === "contact_first_name") first = value;
    else if (field === "contact_last_name") last = value;
    else {
      const result = CLEAN[field](value);
      if ("ok" in result) (data as Record<string, unknown>)[field] = result.ok;
      else problems.push({ row: record.row, column: headers[i] ?? `column ${i + 1}`, field, value, reason: result.reason });
      if (field === "contact_name") fullNameColumn = true;
    }
  }
  if (!fullNameColumn && (first || last)) data.contact_name = `${first} ${last}`.trim().slice(0, 120);
  if (record.values.length > headers.length && record.values.slice(headers.length).some((v) => v.trim() !== ""))
    problems.push({ row: record.row, column: `column ${headers.length + 1}`, field: null, value: record.values.slice(headers.length).join(", "),
      reason: `More values than the header has columns (${record.values.length} for ${headers.length}); a delimiter inside an unquoted value?` });
  if (!data.company_name && !problems.some((p) => p.field === "company_name")) {
    const column = headers[mapping.indexOf("company_name")] ?? IMPORT_FIELD_LABELS.company_name;
    problems.push({ row: record.row, column, field: "company_name", value: "", reason: "A company name is required" });
  }
  return { data, problems };
}
