import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TIdentityRule } from "@/lib/companies/duplicate-rules";
import { IMPORT_SUGGESTION_RULES, type TImportRule, type TImportSuggestionRule } from "@/lib/import/import-decisions";
import { cleanImportValue, type TImportProblem, type TImportRow } from "@/lib/import/normalize-import-row";

export type TImportAction = "create" | "update" | "skip" | "possible_duplicate" | "fail";

export type TClassifiedRow = {
  row: number;
  data: TImportRow;
  problems: TImportProblem[];
  action: TImportAction;
  /** update/skip: the company the row is; possible_duplicate: the company it may be. */
  companyId: number | null;
  /** The rule that found that company (its decision applies to the row); null for create and fail. */
  rule: TImportRule | null;
};

type TMatch = {
  ord: number;
  id: number | null;
  rule: TIdentityRule | null;
  external_id: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  usdot: string | null;
  mc_number: string | null;
  city: string | null;
  state: string | null;
  has_contact: boolean;
  /** Without an identity match: the suggestions' companies (the lowest live id of each). */
  by_name_state: number | null;
  by_phone: number | null;
};

function same(a: string | null, b: string | null): boolean {
  return (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();
}

/** Whether the row would change the company: a value it has that the company lacks or holds otherwise. */
function bringsNews(data: TImportRow, m: TMatch): boolean {
  const stored = (field: "phone" | "mc_number", value: string | null) => (value ? (cleanImportValue(field, value) ?? value) : null);
  const pairs: [string | null, string | null][] = [
    [data.external_id, m.external_id],
    [data.company_name, m.name],
    [data.email, m.email],
    [data.phone, stored("phone", m.phone)],
    [data.usdot, m.usdot],
    [data.mc_number, stored("mc_number", m.mc_number)],
    [data.city, m.city],
    [data.state, m.state],
  ];
  return pairs.some(([mine, theirs]) => mine !== null && !same(mine, theirs)) || (data.contact_name !== null && !m.has_contact);
}

/**
 * What importing each row would do to the companies we have, in one statement for the batch.
 * A row is its company when company_identity_match_rule() finds one — the lead webhook's own
 * rules, which also say which rule found it — and is then an update, or a skip when it brings
 * nothing new. Without such a match, a live company of the same name in the same state, else one
 * with the same phone, is only a suggestion (possible_duplicate: the manager decides); else the
 * row creates a company. Each row carries the rule that found its company, whose decision the
 * job applies. Rows with problems fail and are not looked up.
 */
export async function classifyImportRows(
  rows: { row: number; data: TImportRow; problems: TImportProblem[] }[],
  // The import job classifies inside its batch's transaction, after taking the identity locks.
  client: Prisma.TransactionClient | typeof db = db,
): Promise<TClassifiedRow[]> {
  const valid = rows.filter((r) => r.problems.length === 0);
  const matches = new Map<number, TMatch>();
  if (valid.length) {
    const input = valid.map((r, i) => ({
      ord: i,
      external_id: r.data.external_id,
      usdot: r.data.usdot,
      email: r.data.email,
      mc_number: r.data.mc_number,
      phone: r.data.phone,
      name: r.data.company_name,
      state: r.data.state,
      contact_name: r.data.contact_name,
    }));
    // The name + state suggestion is one hash join of the batch with companies (one pass over
    // the table per batch, for every row: joining only the unmatched ones made the planner repeat
    // that pass per row): a lookup per row, even through the trigram index, costs milliseconds
    // per row once names share common words ("Trucking LLC"), and 100 000 rows make that minutes.
    const found = await client.$queryRaw<TMatch[]>`
      WITH r AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
          AS r(ord int, external_id text, usdot text, email text, mc_number text, phone text, name text, state text, contact_name text)
      ), m AS (
        SELECT r.ord, f.id, f.rule FROM r CROSS JOIN LATERAL company_identity_match_rule(r.external_id, r.usdot, r.email, r.mc_number) f
      ), p AS (
        SELECT r.ord, min(c.id) AS id
        FROM r JOIN companies c ON c.state = r.state AND lower(btrim(c.name)) = lower(btrim(r.name)) AND c.merged_into_id IS NULL
        GROUP BY r.ord
      ), ph AS (
        -- The row's phone is E.164 already, as companies.phone_norm is: an index probe per row on
        -- (phone_norm, id), the first live company in id order.
        SELECT r.ord, x.id FROM r
        CROSS JOIN LATERAL (
          SELECT c.id FROM companies c WHERE c.phone_norm = r.phone AND c.merged_into_id IS NULL ORDER BY c.phone_norm, c.id LIMIT 1
        ) x
        WHERE r.phone IS NOT NULL
      )
      SELECT r.ord, c.id, m.rule, c.external_id, c.name, c.email, c.phone, c.usdot, c.mc_number, c.city, c.state,
             coalesce(ct.found, false) AS has_contact,
             CASE WHEN m.id IS NULL THEN p.id END AS by_name_state,
             CASE WHEN m.id IS NULL THEN ph.id END AS by_phone
      FROM r JOIN m ON m.ord = r.ord
      LEFT JOIN companies c ON c.id = m.id
      -- Lateral with LIMIT: one index probe per matched row. As EXISTS the planner (told 100 rows
      -- by jsonb_to_recordset) hashed every contact of every company, once per batch.
      LEFT JOIN LATERAL (
        SELECT true AS found FROM contacts ct
        WHERE r.contact_name IS NOT NULL AND ct.company_id = c.id AND lower(ct.name) = lower(r.contact_name) LIMIT 1
      ) ct ON true
      LEFT JOIN p ON p.ord = r.ord
      LEFT JOIN ph ON ph.ord = r.ord`;
    for (const m of found) matches.set(valid[m.ord].row, m);
  }
  return rows.map((r) => {
    const m = matches.get(r.row);
    if (r.problems.length || !m) return { ...r, action: "fail", companyId: null, rule: null };
    if (m.id !== null) return { ...r, action: bringsNews(r.data, m) ? "update" : "skip", companyId: m.id, rule: m.rule };
    const suggestions: Record<TImportSuggestionRule, number | null> = { name_state: m.by_name_state, phone: m.by_phone };
    const suggested = IMPORT_SUGGESTION_RULES.find((rule) => suggestions[rule] !== null);
    if (suggested) return { ...r, action: "possible_duplicate", companyId: suggestions[suggested], rule: suggested };
    return { ...r, action: "create", companyId: null, rule: null };
  });
}
