import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { leadFilterConditions, whereSql, type TLeadFilter } from "@/lib/leads/lead-list-filter";
import type { TActor } from "@/lib/auth/permissions";
import type { TActionOutcome, TLeadSort, TLeadSource, TLeadStatus } from "@/lib/leads/lead-vocabulary";

// The SQL of the leads table's page (listLeads in lib/leads/list-leads.ts): the sort columns, the
// cursor each sort pages by, the keyset runs that reach any depth at the cost of page 1, and the
// page query itself, which `npm run bench -- lists` EXPLAINs.

/** A keyset cursor: the sort value of the row a page starts after (or ends before), and its id. */
export type TCursor = { value: string | null; id: number };

/** What the page query needs of listLeads' input (ZListLeads, parsed). */
export type TLeadPageQuery = {
  filter: TLeadFilter;
  sort: TLeadSort;
  dir: "asc" | "desc";
  page: number;
  page_size: number;
  after?: TCursor;
  before?: TCursor;
  last?: boolean;
};

const SORT_COLUMNS: Record<TLeadSort, Prisma.Sql> = {
  created: Prisma.raw("created_at"),
  value: Prisma.raw("estimated_value"),
  follow_up: Prisma.raw("next_follow_up_at"),
  last_contact: Prisma.raw("last_contact_at"),
};

export type TRawRow = {
  id: number;
  status: TLeadStatus;
  lead_source: TLeadSource;
  estimated_value: number;
  priority_score: number;
  states: string[];
  created_at: Date;
  next_follow_up_at: Date | null;
  next_follow_up_has_time: boolean;
  last_contact_at: Date | null;
  last_call_outcome: TActionOutcome | null;
  assigned_admin_id: number | null;
  assignee_name: string | null;
  company_id: number;
  company_name: string;
  company_email: string | null;
  company_phone: string | null;
  usdot: string | null;
  company_state: string | null;
  origin: string | null;
  destination: string | null;
};

const place = (path: string) =>
  Prisma.raw(
    `nullif(concat_ws(', ', l.lead_data #>> '{${path},city}', l.lead_data #>> '{${path},state}'), '')`,
  );
/** A lead's (`l`) origin and destination, "City, ST", from whichever free tool's data it holds. */
export const LEAD_ORIGIN_SQL = Prisma.sql`coalesce(${place("route,origin")}, ${place("pickup")}, ${place("location")})`;
export const LEAD_DESTINATION_SQL = Prisma.sql`coalesce(${place("route,destination")}, ${place("delivery")})`;

/** Per sort: the cursor value of a row, a check of a cursor's value, and its SQL type. */
export const SORT_VALUES: Record<
  TLeadSort,
  {
    of: (r: TRawRow) => string | null;
    valid: (v: string | null) => boolean;
    cast: Prisma.Sql;
    nullable: boolean;
  }
> = {
  created: {
    of: (r) => r.created_at.toISOString(),
    valid: isInstant,
    cast: Prisma.raw("timestamptz"),
    nullable: false,
  },
  value: {
    of: (r) => String(r.estimated_value),
    valid: (v) => v !== null && /^-?\d{1,10}(\.\d{1,2})?$/.test(v),
    cast: Prisma.raw("numeric"),
    nullable: false,
  },
  follow_up: {
    of: (r) => r.next_follow_up_at?.toISOString() ?? null,
    valid: (v) => v === null || isInstant(v),
    cast: Prisma.raw("timestamptz"),
    nullable: true,
  },
  last_contact: {
    of: (r) => r.last_contact_at?.toISOString() ?? null,
    valid: (v) => v === null || isInstant(v),
    cast: Prisma.raw("timestamptz"),
    nullable: true,
  },
};

function isInstant(v: string | null): boolean {
  return (
    v !== null && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(v) && !Number.isNaN(Date.parse(v))
  );
}

/**
 * The ids of one page by keyset: the rows after `cursor` in the order (column dir, id dir), at
 * most `limit`. PostgreSQL sorts NULL above every value (last ascending, first descending), so a
 * nullable sort is two runs, values and NULLs, each read from its index by a plain range (a row
 * comparison, or IS NULL with an id bound) and joined by UNION ALL: never an OR the index cannot
 * bound, so a page deep in a million rows costs what page 1 costs.
 */
function keysetIds(
  where: Prisma.Sql,
  sort: TLeadSort,
  dir: "asc" | "desc",
  cursor: TCursor,
  limit: number,
): Prisma.Sql {
  const column = SORT_COLUMNS[sort];
  const { cast, nullable } = SORT_VALUES[sort];
  const direction = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  const cmp = Prisma.raw(dir === "asc" ? ">" : "<");
  const and = (cond: Prisma.Sql) =>
    where === Prisma.empty ? Prisma.sql`WHERE ${cond}` : Prisma.sql`${where} AND ${cond}`;
  const run = (n: number, cond: Prisma.Sql, order: Prisma.Sql) =>
    Prisma.sql`(SELECT l.id, l.${column} AS k, ${n}::int AS run FROM sales_leads l ${and(cond)} ORDER BY ${order} LIMIT ${limit})`;
  const valuesOrder = Prisma.sql`l.${column} ${direction}, l.id ${direction}`;
  const nullsOrder = Prisma.sql`l.id ${direction}`;
  const runs: Prisma.Sql[] = [];
  // The order of the runs: ascending values then NULLs; descending NULLs then values.
  const nullsFirst = dir === "desc";
  if (cursor.value === null) {
    runs.push(run(1, Prisma.sql`l.${column} IS NULL AND l.id ${cmp} ${cursor.id}`, nullsOrder));
    if (nullsFirst) runs.push(run(2, Prisma.sql`l.${column} IS NOT NULL`, valuesOrder));
  } else {
    runs.push(
      run(1, Prisma.sql`(l.${column}, l.id) ${cmp} (${cursor.value}::${cast}, ${cursor.id})`, valuesOrder),
    );
    if (nullable && !nullsFirst) runs.push(run(2, Prisma.sql`l.${column} IS NULL`, nullsOrder));
  }
  if (runs.length === 1) return Prisma.sql`SELECT id FROM ${runs[0]} r`;
  return Prisma.sql`SELECT id FROM (${Prisma.join(runs, " UNION ALL ")}) r ORDER BY r.run, r.k ${direction}, r.id ${direction} LIMIT ${limit}`;
}

/** The page query of listLeads (one row more than the page, to tell whether a next page exists); `npm run bench -- lists` EXPLAINs it. */
export function leadPageSql(actor: TActor, data: TLeadPageQuery): Prisma.Sql {
  const { filter, sort, dir, page, page_size: pageSize } = data;
  const where = whereSql(leadFilterConditions(actor, filter));
  const direction = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  const column = SORT_COLUMNS[sort];
  const reverse = dir === "asc" ? "desc" : "asc";
  // Paging back reads the rows before the cursor in the reversed order; the outer ORDER BY puts them right.
  const backwards = Prisma.raw(reverse === "asc" ? "ASC" : "DESC");
  // The last page: the first rows of the reversed order (NULLs placed reversed too: ASC puts
  // them last, DESC first), put right by the outer ORDER BY. An index read backwards.
  const ids = data.last
    ? Prisma.sql`SELECT l.id FROM sales_leads l ${where}
        ORDER BY l.${column} ${backwards}, l.id ${backwards} LIMIT ${pageSize}`
    : data.after
      ? keysetIds(where, sort, dir, data.after, pageSize + 1)
      : data.before
        ? keysetIds(where, sort, reverse, data.before, pageSize + 1)
        : Prisma.sql`SELECT l.id FROM sales_leads l ${where}
        ORDER BY l.${column} ${direction}, l.id ${direction}
        LIMIT ${pageSize + 1} OFFSET ${(page - 1) * pageSize}`;
  return Prisma.sql`
      WITH page AS (${ids})
      SELECT l.id, l.status::text AS status, l.lead_source::text AS lead_source, l.estimated_value::float8 AS estimated_value,
             l.priority_score, l.states, l.created_at, l.next_follow_up_at, l.next_follow_up_has_time, l.last_contact_at,
             l.last_call_outcome::text AS last_call_outcome, l.assigned_admin_id, u.name AS assignee_name,
             c.id AS company_id, c.name AS company_name, c.email AS company_email, c.phone AS company_phone,
             c.usdot, c.state::text AS company_state,
             ${LEAD_ORIGIN_SQL} AS origin, ${LEAD_DESTINATION_SQL} AS destination
      FROM page p
      JOIN sales_leads l ON l.id = p.id
      JOIN companies c ON c.id = l.company_id
      LEFT JOIN users u ON u.id = l.assigned_admin_id
      ORDER BY l.${column} ${direction}, l.id ${direction}`;
}
