import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { leadFilterConditions, whereSql, ZLeadFilter } from "@/lib/leads/lead-list-filter";
import { command } from "@/lib/command";
import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { countLeads } from "@/lib/leads/count-leads";
import {
  LEAD_PAGE_SIZES,
  LEAD_SORTS,
  type TListCount,
  type TActionOutcome,
  type TLeadSort,
  type TLeadSource,
  type TLeadStatus,
} from "@/lib/leads/lead-vocabulary";

const zCursor = z.preprocess(
  (v) => (v === "" || v == null ? undefined : v),
  z
    .string()
    .max(80)
    .regex(/^[0-9A-Za-z:.+-]*~[1-9][0-9]{0,9}$/, "Not a page cursor")
    .transform((c) => {
      const at = c.lastIndexOf("~");
      return { value: c.slice(0, at) || null, id: Number(c.slice(at + 1)) };
    })
    .optional(),
);
type TCursor = { value: string | null; id: number };

export const ZListLeads = z.object({
  filter: ZLeadFilter,
  sort: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.enum(LEAD_SORTS, { error: "Unknown sort" }).default("created"),
  ),
  dir: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.enum(["asc", "desc"], { error: "Sort asc or desc" }).default("desc"),
  ),
  page: z.coerce.number({ error: "page must be a number" }).int().min(1).max(100_000).default(1),
  page_size: z.coerce
    .number()
    .refine(
      (n) => (LEAD_PAGE_SIZES as readonly number[]).includes(n),
      `Page size is one of ${LEAD_PAGE_SIZES.join(", ")}`,
    )
    .default(25),
  // Keyset paging (Next / Previous links carry one): the row the page starts after, or ends
  // before, as "<sort value>~<id>" (an empty value for a lead without one, e.g. no follow-up).
  // `page` then only numbers the page for display; without a cursor it is an offset, so a
  // hand-written ?page=40 still works, at offset cost.
  after: zCursor.optional(),
  before: zCursor.optional(),
  // The "Last »" link: the last page, read from the end of the order (any depth costs page 1).
  last: z.preprocess((v) => v === true || v === "1" || v === "true", z.boolean()).optional(),
});
export type TListLeads = z.input<typeof ZListLeads>;

export type TLeadListRow = {
  id: number;
  status: TLeadStatus;
  leadSource: TLeadSource;
  estimatedValue: number;
  priorityScore: number;
  states: string[];
  createdAt: string;
  nextFollowUpAt: string | null;
  /** False: a date-only follow-up ("any time that day"; its stored 9:00 means nothing). */
  nextFollowUpHasTime: boolean;
  lastContactAt: string | null;
  lastCallOutcome: TActionOutcome | null;
  assignee: { id: number; name: string } | null;
  company: {
    id: number;
    name: string;
    email: string | null;
    phone: string | null;
    usdot: string | null;
    state: string | null;
  };
  origin: string | null;
  destination: string | null;
};

export type TLeadList = {
  rows: TLeadListRow[];
  page: number;
  pageSize: number;
  /** Exact for small results; for big ones an estimate ("about 15 200"), never a full scan. */
  total: number;
  totalIsEstimate: boolean;
  hasNextPage: boolean;
  /** Cursors for the Next / Previous links (null: no such page, or Previous is page 1 by offset). */
  nextCursor: string | null;
  prevCursor: string | null;
  sort: TLeadSort;
  dir: "asc" | "desc";
};

/**
 * The deepest a page may start by offset (page × page size). Deeper, an offset reads and drops
 * every row before it (1.5 s at 1 000 000 leads); Next, Previous and Last reach any depth by keyset.
 */
export const MAX_LIST_OFFSET = 10_000;

const SORT_COLUMNS: Record<TLeadSort, Prisma.Sql> = {
  created: Prisma.raw("created_at"),
  value: Prisma.raw("estimated_value"),
  follow_up: Prisma.raw("next_follow_up_at"),
  last_contact: Prisma.raw("last_contact_at"),
};

type TRawRow = {
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

/**
 * One page of leads for the table: filter, search, sort and paging all in SQL. The page is picked
 * as ids from sales_leads alone (an index-only scan of the sort's covering index) and only its rows
 * are read and joined to companies and users; the count runs beside it, bounded, so a broad
 * filter over 100 000 leads costs about what it costs over 600.
 */
export const listLeads = command(
  { input: ZListLeads, may: "lead.read" },
  async (actor, data): Promise<TLeadList> => {
    const { filter, sort, dir, page, page_size: pageSize } = data;
    const cursorSort = SORT_VALUES[sort];
    if (
      (data.after && !cursorSort.valid(data.after.value)) ||
      (data.before && !cursorSort.valid(data.before.value))
    )
      throw new AppError("BAD_REQUEST", "The page cursor does not fit the sort", [
        { path: data.after ? "after" : "before", message: "Not a page cursor for this sort" },
      ]);
    if (!data.after && !data.before && !data.last && (page - 1) * pageSize > MAX_LIST_OFFSET)
      throw new AppError("BAD_REQUEST", "This page is too deep to open by number", [
        {
          path: "page",
          message: `Pages past the first ${MAX_LIST_OFFSET.toLocaleString("en-US")} leads open with Next, Previous or Last`,
        },
      ]);
    const where = whereSql(leadFilterConditions(actor, filter));
    const [raw, count] = await readPageAndCount(data, where, actor);
    // One row beyond the page tells there is more: after the page, or before it when paging back.
    // The last page has nothing after it by definition.
    const more = raw.length > pageSize;
    const rows = data.before ? raw.slice(more ? 1 : 0) : raw.slice(0, pageSize);
    const hasNextPage = data.last ? false : data.before ? true : more;
    const cursorOf = (r: TRawRow) => `${cursorSort.of(r) ?? ""}~${r.id}`;
    // The last page's number follows from the count (an estimate past EXACT_COUNT_LIMIT: "about").
    const pageNumber = data.last ? Math.max(1, Math.ceil(count.n / pageSize)) : page;
    return {
      rows: rows.map(toListRow),
      page: pageNumber,
      pageSize,
      total: count.n,
      totalIsEstimate: count.kind === "about",
      hasNextPage,
      nextCursor: hasNextPage && rows.length ? cursorOf(rows[rows.length - 1]) : null,
      // Page 2's Previous is page 1 by offset 0 (a plain link); deeper pages go back by cursor.
      prevCursor: pageNumber > 2 && rows.length ? cursorOf(rows[0]) : null,
      sort,
      dir,
    };
  },
);

/**
 * The page and the count, side by side. A search, though, mostly matches a company or a few, and
 * its count would run the search's trigram bitmaps a second time (half its cost at 1 000 000
 * leads): so a search's first page is read first, and when it is not full it holds every match,
 * which is the count. Other filters keep both at once (a full first page is the common case).
 */
async function readPageAndCount(
  data: z.output<typeof ZListLeads>,
  where: Prisma.Sql,
  actor: TActor,
): Promise<[TRawRow[], TListCount]> {
  const firstPage = !data.after && !data.before && !data.last && data.page === 1;
  if (data.filter.q && firstPage) {
    const raw = await db.$queryRaw<TRawRow[]>(leadPageSql(actor, data));
    return [raw, raw.length <= data.page_size ? { n: raw.length, kind: "exact" } : await countLeads(where)];
  }
  return Promise.all([db.$queryRaw<TRawRow[]>(leadPageSql(actor, data)), countLeads(where)]);
}

/** Per sort: the cursor value of a row, a check of a cursor's value, and its SQL type. */
const SORT_VALUES: Record<
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
export function leadPageSql(actor: TActor, data: z.output<typeof ZListLeads>): Prisma.Sql {
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
             coalesce(${place("route,origin")}, ${place("pickup")}, ${place("location")}) AS origin,
             coalesce(${place("route,destination")}, ${place("delivery")}) AS destination
      FROM page p
      JOIN sales_leads l ON l.id = p.id
      JOIN companies c ON c.id = l.company_id
      LEFT JOIN users u ON u.id = l.assigned_admin_id
      ORDER BY l.${column} ${direction}, l.id ${direction}`;
}

function toListRow(r: TRawRow): TLeadListRow {
  return {
    id: r.id,
    status: r.status,
    leadSource: r.lead_source,
    estimatedValue: r.estimated_value,
    priorityScore: r.priority_score,
    states: r.states,
    createdAt: r.created_at.toISOString(),
    nextFollowUpAt: r.next_follow_up_at?.toISOString() ?? null,
    nextFollowUpHasTime: r.next_follow_up_has_time,
    lastContactAt: r.last_contact_at?.toISOString() ?? null,
    lastCallOutcome: r.last_call_outcome,
    assignee: r.assigned_admin_id !== null ? { id: r.assigned_admin_id, name: r.assignee_name ?? "" } : null,
    company: {
      id: r.company_id,
      name: r.company_name,
      email: r.company_email,
      phone: r.company_phone,
      usdot: r.usdot,
      state: r.company_state,
    },
    origin: r.origin,
    destination: r.destination,
  };
}
