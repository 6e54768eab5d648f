import "server-only";
import { db } from "@/lib/db";
import { cleanImportValue, type TImportProblem, type TImportRow } from "@/lib/import/normalize-import-row";

export type TImportAction = "create" | "update" | "skip" | "possible_duplicate" | "fail";

export type TClassifiedRow = {
  row: number;
  data: TImportRow;
  problems: TImportProblem[];
  action: TImportAction;
  /** update/skip: the company the row is; possible_duplicate: the company it may be. */
  companyId: number | null;
};

type TMatch = {
  ord: number;
  id: number | null;
  external_id: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  usdot: string | null;
  mc_number: string | null;
  city: string | null;
  state: string | null;
  has_contact: boolean;
  possible_id: number | null;
};

/** LIKE's wildcards and escape taken literally, so a name is compared as itself. */
function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

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
 * A row is its company when company_identity_match() finds one — the lead webhook's own rules
 * (external id, else USDOT, else email; see the company_identity_match migration) — and is then
 * an update, or a skip when it brings nothing new. Without such a match, a company of the same
 * name in the same state is only a suggestion (possible_duplicate: the manager decides); else
 * the row creates a company. Rows with problems fail and are not looked up.
 */
export async function classifyImportRows(rows: { row: number; data: TImportRow; problems: TImportProblem[] }[]): Promise<TClassifiedRow[]> {
  const valid = rows.filter((r) => r.problems.length === 0);
  const matches = new Map<number, TMatch>();
  if (valid.length) {
    const input = valid.map((r, i) => ({
      ord: i,
      external_id: r.data.external_id,
      usdot: r.data.usdot,
      email: r.data.email,
      name_like: r.data.company_name ? likeLiteral(r.data.company_name) : null,
      state: r.data.state,
      contact_name: r.data.contact_name,
    }));
    // The name lookup is ILIKE without wildcards so companies_name_trgm_idx serves it.
    const found = await db.$queryRaw<TMatch[]>`
      SELECT r.ord, m.id, m.external_id, m.name, m.email, m.phone, m.usdot, m.mc_number, m.city, m.state,
             (r.contact_name IS NOT NULL AND EXISTS (
               SELECT 1 FROM contacts ct WHERE ct.company_id = m.id AND lower(ct.name) = lower(r.contact_name))) AS has_contact,
             p.id AS possible_id
      FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
           AS r(ord int, external_id text, usdot text, email text, name_like text, state text, contact_name text)
      LEFT JOIN LATERAL (SELECT c.* FROM companies c WHERE c.id = company_identity_match(r.external_id, r.usdot, r.email)) m ON true
      LEFT JOIN LATERAL (
        SELECT c.id FROM companies c
        WHERE m.id IS NULL AND r.state IS NOT NULL AND r.name_like IS NOT NULL
          AND c.state = r.state AND c.name ILIKE r.name_like
        ORDER BY c.id LIMIT 1) p ON true`;
    for (const m of found) matches.set(valid[m.ord].row, m);
  }
  return rows.map((r) => {
    const m = matches.get(r.row);
    if (r.problems.length || !m) return { ...r, action: "fail", companyId: null };
    if (m.id !== null) return { ...r, action: bringsNews(r.data, m) ? "update" : "skip", companyId: m.id };
    if (m.possible_id !== null) return { ...r, action: "possible_duplicate", companyId: m.possible_id };
    return { ...r, action: "create", companyId: null };
  });
}
