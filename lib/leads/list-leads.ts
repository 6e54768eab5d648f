import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
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
import { leadPageSql, SORT_VALUES, type TRawRow } from "@/lib/leads/lead-page-sql";

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

/**
 * One page of leads for the table: filter, search, sort and paging all in SQL. The page is picked
 * as ids from sales_leads alone (an index-only scan of the sort's covering index) and only its rows
 * are read and joined to companies and users; the count runs beside it, bounded, so a broad
 * filter over 100 000 leads costs about what it costs over 600.
 */
export const listLeads = command(
  { input: ZListLeads, may: "lead.read" },
  async (actor, data): Promise<TLeadList> => {
    const { sort, dir, page, page_size: pageSize } = data;
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
    const [raw, count] = await readPageAndCount(actor, data);
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
  actor: TActor,
  data: z.output<typeof ZListLeads>,
): Promise<[TRawRow[], TListCount]> {
  const readPage = () => db.$queryRaw<TRawRow[]>(leadPageSql(actor, data));
  const count = () => countLeads(whereSql(leadFilterConditions(actor, data.filter)));
  const firstPage = !data.after && !data.before && !data.last && data.page === 1;
  if (data.filter.q && firstPage) {
    const raw = await readPage();
    return [raw, raw.length <= data.page_size ? { n: raw.length, kind: "exact" } : await count()];
  }
  return Promise.all([readPage(), count()]);
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
