import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { leadFilterConditions, whereSql, ZLeadFilter } from "@/lib/leads/lead-list-filter";
import { command } from "@/lib/command";
import {
  LEAD_PAGE_SIZES,
  LEAD_SORTS,
  type TActionOutcome,
  type TLeadSort,
  type TLeadSource,
  type TLeadStatus,
} from "@/lib/leads/lead-vocabulary";

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
  sort: TLeadSort;
  dir: "asc" | "desc";
};

export const EXACT_COUNT_LIMIT = 1_000;

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
    const where = whereSql(leadFilterConditions(actor, filter));
    const direction = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
    const column = SORT_COLUMNS[sort];

    const [rows, count] = await Promise.all([
      db.$queryRaw<TRawRow[]>`
      WITH page AS (
        SELECT l.id FROM sales_leads l ${where}
        ORDER BY l.${column} ${direction}, l.id ${direction}
        LIMIT ${pageSize + 1} OFFSET ${(page - 1) * pageSize}
      )
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
      ORDER BY l.${column} ${direction}, l.id ${direction}`,
      countLeads(where),
    ]);

    return {
      rows: rows.slice(0, pageSize).map(toListRow),
      page,
      pageSize,
      total: count.n,
      totalIsEstimate: count.estimate,
      hasNextPage: rows.length > pageSize,
      sort,
      dir,
    };
  },
);

/**
 * Exact up to EXACT_COUNT_LIMIT matches (a bounded scan); past that, the planner's estimate,
 * which its statistics keep close, for the cost of planning alone. Both run at once.
 */
async function countLeads(where: Prisma.Sql): Promise<{ n: number; estimate: boolean }> {
  const [[{ n }], plan] = await Promise.all([
    db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM (SELECT 1 FROM sales_leads l ${where} LIMIT ${EXACT_COUNT_LIMIT + 1}) t`,
    db.$queryRaw<
      { "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]
    >`EXPLAIN (FORMAT JSON) SELECT 1 FROM sales_leads l ${where}`,
  ]);
  if (n <= EXACT_COUNT_LIMIT) return { n, estimate: false };
  const planned = Math.round(plan[0]["QUERY PLAN"][0].Plan["Plan Rows"]);
  return { n: Math.max(planned, EXACT_COUNT_LIMIT + 1), estimate: true };
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
