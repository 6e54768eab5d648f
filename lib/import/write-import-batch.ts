import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { classifyImportRows } from "@/lib/import/classify-import-rows";
import { IMPORT_SUGGESTION_RULES, type TImportDecisions } from "@/lib/import/import-decisions";
import type { TImportProblem, TImportRow } from "@/lib/import/normalize-import-row";
import { assertStep, SYSTEM_ACTOR } from "@/lib/leads/lead-rules";

export type TBatchRow = { row: number; data: TImportRow; problems: TImportProblem[]; ownerId: number | null };
export type TBatchCounts = { created: number; updated: number; skipped: number; failed: number; leadsCreated: number };

type TTx = Prisma.TransactionClient;
type TUpdate = { row: TBatchRow; companyId: number; overwrite: boolean };

// Company columns an import writes, as the lead webhook's ingest_upsert_company() writes them.
const COLUMNS = ["external_id", "name", "email", "phone", "usdot", "mc_number", "city", "state"] as const;
const companyValues = (d: TImportRow) => ({
  external_id: d.external_id, name: d.company_name, email: d.email, phone: d.phone,
  usdot: d.usdot, mc_number: d.mc_number, city: d.city, state: d.state,
});

// A row's identity keys, for telling two rows of one new company apart within a batch. The
// advisory locks themselves come from SQL company_identity_keys(), the one list
// ingest_upsert_company() and the merge lock too.
function identityKeys(d: TImportRow): string[] {
  return [
    d.external_id && `company:external_id:${d.external_id}`,
    d.usdot && `company:usdot:${d.usdot}`,
    d.email && `company:email:${d.email}`,
    d.mc_number && `company:mc:${d.mc_number}`,
  ].filter((k): k is string => !!k);
}

// The keys of the suggestions (same name and state, same phone) whose decision is not `create`:
// a second new row of the batch sharing one waits for the next round, where it meets the first
// one's company and is decided like any other. A suggestion that creates anyway needs no round.
function suggestionKeys(d: TImportRow, decisions: TImportDecisions): string[] {
  const keys = { name_state: `name:${d.company_name?.toLowerCase()}|${d.state}`, phone: d.phone && `phone:${d.phone}` };
  return IMPORT_SUGGESTION_RULES.filter((rule) => decisions[rule] !== "create")
    .map((rule) => keys[rule])
    .filter((k): k is string => !!k);
}

// One column's new value: overwrite takes the row's when it has one, fill_empty the company's.
const pick = (col: string) =>
  col === "name"
    ? `CASE WHEN r.overwrite THEN coalesce(r.name, c.name) ELSE c.name END`
    : `CASE WHEN r.overwrite THEN coalesce(r.${col}, c.${col}) ELSE coalesce(c.${col}, r.${col}) END`;
const UPDATE_SQL = `
  WITH r AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb)
      AS r(company_id int, overwrite boolean, ${COLUMNS.map((c) => `${c} text`).join(", ")})
  )
  UPDATE companies c
  SET ${COLUMNS.map((col) => `${col} = ${pick(col)}`).join(", ")}, email_norm = lower(${pick("email")}),
      phone_norm = CASE WHEN ${pick("phone")} IS NOT DISTINCT FROM c.phone THEN c.phone_norm ELSE ${pick("phone")} END, updated_at = now()
  FROM r
  WHERE c.id = r.company_id
    AND (${COLUMNS.map((col) => `c.${col}`).join(", ")}) IS DISTINCT FROM (${COLUMNS.map((col) => `${pick(col)}${col === "state" ? "::char(2)" : ""}`).join(", ")})
  RETURNING c.id`;

async function insertCompanies(tx: TTx, rows: TBatchRow[]): Promise<Map<number, number>> {
  if (!rows.length) return new Map();
  const input = rows.map((r) => ({ ord: r.row, ...companyValues(r.data) }));
  // Ids drawn first, so each row knows its company (INSERT … RETURNING does not say which row).
  const made = await tx.$queryRawUnsafe<{ ord: number; id: number }[]>(
    `WITH r AS MATERIALIZED (
       SELECT r.*, nextval(pg_get_serial_sequence('companies', 'id'))::int AS new_id
       FROM jsonb_to_recordset($1::jsonb) AS r(ord int, ${COLUMNS.map((c) => `${c} text`).join(", ")})
     ), ins AS (
       INSERT INTO companies (id, ${COLUMNS.join(", ")}, email_norm, phone_norm, updated_at)
       SELECT new_id, ${COLUMNS.join(", ")}, lower(email), phone, now() FROM r
     )
     SELECT ord, new_id AS id FROM r`,
    JSON.stringify(input),
  );
  return new Map(made.map((m) => [m.ord, m.id]));
}

async function updateCompanies(tx: TTx, updates: TUpdate[]): Promise<Set<number>> {
  if (!updates.length) return new Set();
  const input = updates.map((u) => ({ company_id: u.companyId, overwrite: u.overwrite, ...companyValues(u.row.data) }));
  const changed = await tx.$queryRawUnsafe<{ id: number }[]>(UPDATE_SQL, JSON.stringify(input));
  return new Set(changed.map((c) => c.id));
}

/** A contact the company lacks (by name, any case); returns the companies that got one. */
async function insertContacts(tx: TTx, rows: { row: TBatchRow; companyId: number }[]): Promise<Set<number>> {
  const input = rows
    .filter((r) => r.row.data.contact_name)
    .map((r) => ({ company_id: r.companyId, name: r.row.data.contact_name, email: r.row.data.email, phone: r.row.data.phone }));
  if (!input.length) return new Set();
  const added = await tx.$queryRaw<{ company_id: number }[]>`
    INSERT INTO contacts (company_id, name, email, phone, updated_at)
    SELECT r.company_id, r.name, r.email, r.phone, now()
    FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS r(company_id int, name text, email text, phone text)
    WHERE NOT EXISTS (SELECT 1 FROM contacts ct WHERE ct.company_id = r.company_id AND lower(ct.name) = lower(r.name))
    RETURNING company_id`;
  return new Set(added.map((a) => a.company_id));
}

/**
 * A lead per row for a company without an open one (a second row of the company, or a company
 * the webhook already gave a lead, joins nothing: the open lead is the company's). A row's owner
 * gets it through the `import` step of the lead rules; without one it waits in the pool. Rows
 * the other CRM had closed (won or lost) bring their company but open no lead.
 */
async function insertLeads(tx: TTx, runId: number, actorId: number, rows: { row: TBatchRow; companyId: number }[]): Promise<Set<number>> {
  const assigned = assertStep(SYSTEM_ACTOR, "import", { status: "pending", assignedAdminId: null });
  const input = rows
    .filter((r) => r.row.data.lead_status !== "converted" && r.row.data.lead_status !== "lost")
    .map(({ row, companyId }) => ({
      company_id: companyId,
      row: row.row,
      owner_id: row.ownerId,
      status: row.ownerId ? assigned : "pending",
      value: row.data.estimated_value ?? "0",
      lead_data: {
        import: { run_id: runId, row: row.row, status: row.data.lead_status, created_date: row.data.created_date },
        ...(row.data.source ? { source: row.data.source } : {}),
        ...(row.data.notes ? { notes: row.data.notes } : {}),
      },
    }));
  if (!input.length) return new Set();
  const made = await tx.$queryRaw<{ company_id: number }[]>`
    WITH r AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
        AS r(company_id int, row int, owner_id int, status text, value numeric, lead_data jsonb)
    ), l AS (
      INSERT INTO sales_leads (company_id, lead_source, lead_data, estimated_value, status, assigned_admin_id, assigned_at,
                               states, priority_score, last_activity_at, updated_at)
      SELECT r.company_id, 'import', r.lead_data, r.value, r.status::lead_status, r.owner_id,
             CASE WHEN r.owner_id IS NOT NULL THEN now() END,
             CASE WHEN c.state IS NULL THEN '{}'::text[] ELSE ARRAY[c.state::text] END,
             lead_priority_score('import', r.value, 1), now(), now()
      FROM r JOIN companies c ON c.id = r.company_id
      WHERE NOT EXISTS (SELECT 1 FROM sales_leads o WHERE o.company_id = r.company_id
                        AND o.status = ANY (ARRAY['pending', 'assigned', 'in_progress']::lead_status[]))
      RETURNING id, company_id, status, assigned_admin_id
    ), e AS (
      INSERT INTO lead_events (lead_id, actor_id, type, to_status, data)
      SELECT l.id, ${actorId}, 'imported', l.status,
             jsonb_build_object('run_id', ${runId}::int, 'row', r.row, 'assigned_admin_id', l.assigned_admin_id)
      FROM l JOIN r ON r.company_id = l.company_id
    )
    SELECT company_id FROM l`;
  return new Set(made.map((m) => m.company_id));
}

/**
 * Writes one batch of import rows inside the caller's transaction, with set-based statements
 * (a handful per batch, never one per row). Rows with problems are recorded in the error report
 * and write nothing; each other row is classified after its identity keys are locked, then
 * created, updated or skipped as the decisions say. Two rows of the batch that are one company
 * (the same key, or the same company found) are written in successive rounds, so the second
 * finds what the first wrote instead of creating the company twice.
 */
export async function writeImportBatch(
  tx: TTx,
  options: { runId: number; actorId: number; kind: "companies" | "leads"; decisions: TImportDecisions; rows: TBatchRow[] },
): Promise<TBatchCounts> {
  const { runId, actorId, kind, decisions, rows } = options;
  const counts: TBatchCounts = { created: 0, updated: 0, skipped: 0, failed: 0, leadsCreated: 0 };
  const failed = rows.filter((r) => r.problems.length > 0);
  counts.failed = failed.length;
  if (failed.length) {
    const problems = failed.flatMap((r) => r.problems.map((p) => ({ row: p.row, column: p.column, value: p.value.slice(0, 500), reason: p.reason })));
    await tx.$executeRaw`
      INSERT INTO import_run_errors (run_id, row, "column", value, reason)
      SELECT ${runId}, p.row, p."column", p.value, p.reason
      FROM jsonb_to_recordset(${JSON.stringify(problems)}::jsonb) AS p(row int, "column" text, value text, reason text)`;
  }
  let pending = rows.filter((r) => r.problems.length === 0);
  // The same keys, in the same (sorted) order, as the webhook's ingest_upsert_company(): a webhook
  // for a company and the import row of that company wait for each other instead of both making it.
  if (pending.length) {
    const ids = pending.map((r) => ({ external_id: r.data.external_id, usdot: r.data.usdot, email: r.data.email, mc_number: r.data.mc_number }));
    await tx.$queryRaw`
      SELECT count(pg_advisory_xact_lock(k))::int AS n
      FROM (SELECT DISTINCT k
            FROM jsonb_to_recordset(${JSON.stringify(ids)}::jsonb) AS r(external_id text, usdot text, email text, mc_number text),
                 company_identity_keys(r.external_id, r.usdot, r.email, r.mc_number) AS k
            ORDER BY 1) AS sorted_keys`;
  }

  while (pending.length) {
    const classified = await classifyImportRows(pending, tx);
    const byRow = new Map(pending.map((r) => [r.row, r]));
    const next: TBatchRow[] = [];
    const creates: TBatchRow[] = [];
    const updates: TUpdate[] = [];
    const untouched: { row: TBatchRow; companyId: number }[] = [];
    const keysTaken = new Set<string>();
    const companiesTaken = new Set<number>();
    for (const c of classified) {
      const row = byRow.get(c.row)!;
      // The decision of the rule that found the row's company; a row nothing found creates one.
      const choice = c.rule ? decisions[c.rule] : "create";
      if (choice === "skip") {
        counts.skipped++;
      } else if (choice === "create") {
        const own = [...identityKeys(row.data), ...suggestionKeys(row.data, decisions)];
        if (own.some((k) => keysTaken.has(k))) next.push(row);
        else {
          own.forEach((k) => keysTaken.add(k));
          creates.push(row);
        }
      } else if (companiesTaken.has(c.companyId!)) {
        next.push(row);
      } else {
        companiesTaken.add(c.companyId!);
        if (c.action === "skip") untouched.push({ row, companyId: c.companyId! });
        else updates.push({ row, companyId: c.companyId!, overwrite: choice === "overwrite" });
      }
    }
    const made = await insertCompanies(tx, creates);
    const changed = await updateCompanies(tx, updates);
    const existing = [...updates, ...untouched];
    const written = [...creates.map((row) => ({ row, companyId: made.get(row.row)! })), ...existing];
    const contacted = await insertContacts(tx, written);
    const leads = kind === "leads" ? await insertLeads(tx, runId, actorId, written) : new Set<number>();
    counts.created += creates.length;
    counts.leadsCreated += leads.size;
    for (const u of existing) {
      if (changed.has(u.companyId) || contacted.has(u.companyId) || leads.has(u.companyId)) counts.updated++;
      else counts.skipped++;
    }
    pending = next;
  }
  return counts;
}
