import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { isManager } from "@/lib/auth/permissions";
import { isStateCode } from "@/lib/geo/us-states";
import { callStatusLabel } from "@/lib/calls/call-status";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { command } from "@/lib/command";
import { countLeads } from "@/lib/leads/count-leads";
import type { TListCount } from "@/lib/leads/lead-vocabulary";

/** Rows per page of the pool. */
export const POOL_PAGE_SIZE = 50;

/** A row's place in the pool's order: in my territories (t) or not (o), created_at, id. */
type TPoolCursor = { inTerritory: boolean; at: string; id: number };

export const ZGetLeadPool = z.object({
  /** "mine": only leads touching my territories; "all": every unassigned lead, mine first. */
  scope: z.enum(["all", "mine"]).default("all"),
  state: z.string().trim().toUpperCase().refine(isStateCode, "Not a US state code").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(POOL_PAGE_SIZE),
  // Keyset "Next": the row the page starts after, as "t|o~<ISO instant>~<id>" (nextCursor).
  after: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z
      .string()
      .max(60)
      .regex(/^[to]~\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z~[1-9]\d{0,9}$/, "Not a pool cursor")
      .refine((c) => !Number.isNaN(Date.parse(c.split("~")[1])), "Not a pool cursor")
      .transform((c): TPoolCursor => {
        const [run, at, id] = c.split("~");
        return { inTerritory: run === "t", at, id: Number(id) };
      })
      .optional(),
  ),
});
export type TGetLeadPool = z.input<typeof ZGetLeadPool>;

export type TPoolRow = {
  id: number;
  companyName: string;
  companyPhone: string | null;
  leadSource: string;
  states: string[];
  /** The lead's states that lie in one of my territories (empty: outside them). */
  matchedStates: string[];
  estimatedValue: number;
  priorityScore: number;
  createdAt: string;
  callStatus: string;
  /** Someone else is calling it right now (soft lock); null when free or when it is me. */
  lockedBy: { id: number; name: string; until: string } | null;
  /** False in strict mode for a rep when the lead lies outside all their territories. */
  claimable: boolean;
};

export type TLeadPool = {
  rows: TPoolRow[];
  /** Exact to EXACT_COUNT_LIMIT, then the planner's estimate ("about 52,000"). */
  total: TListCount;
  inTerritory: TListCount;
  /** The cursor of the page's last row when more follow, else null. */
  nextCursor: string | null;
  myStates: string[];
  territoryMode: "open" | "strict";
};

/**
 * Unassigned (pending) leads: those touching my territories first, each with the states that
 * matched, then newest first (speed to lead), paged by keyset. `options.now` pins the clock for
 * tests. The counts are bounded (countLeads): counting all 52 000 pending leads of the 10x seed
 * cost 10–20× the page.
 */
export const getLeadPool = command(
  ZGetLeadPool,
  async (actor, data, options: { now?: Date } = {}): Promise<TLeadPool> => {
    const now = (options.now ?? new Date()).toISOString();
    const { territoryMode } = await getCompanySettings();
    const myStates = await territoryStates(actor.id);
    const mine = Prisma.sql`${myStates}::text[]`;
    const state = data.state ? Prisma.sql`AND l.states @> ARRAY[${data.state}]::text[]` : Prisma.empty;
    const all = Prisma.sql`WHERE l.status = 'pending' ${state}`;
    // A state of my own territories: every pending lead in it touches them, so "in my
    // territories" and "all" are one set, counted once. Counted twice, the second count's
    // estimate multiplied the two conditions' selectivities as if unrelated (7 000 of the 11 200
    // Texas leads at 1 000 000 leads) and paid a bounded scan the first one skips.
    const stateIsMine = isStateOfMine(myStates, data.state);
    const inMine = stateIsMine
      ? all
      : Prisma.sql`WHERE l.status = 'pending' AND l.states && ${mine} ${state}`;
    const [raw, total, inTerritory] = await Promise.all([
      readPoolPage(myStates, data, now),
      data.scope === "mine" || stateIsMine ? null : countLeads(all),
      myStates.length ? countLeads(inMine) : Promise.resolve<TListCount>({ n: 0, kind: "exact" }),
    ]);
    const strictRep = territoryMode === "strict" && !isManager(actor);
    const more = raw.length > data.limit;
    const rows = raw.slice(0, data.limit);
    const last = rows[rows.length - 1];
    return {
      total: total ?? inTerritory,
      inTerritory,
      myStates,
      territoryMode,
      nextCursor:
        more && last
          ? `${last.in_territory ? "t" : "o"}~${new Date(last.created_at).toISOString()}~${last.id}`
          : null,
      rows: rows.map((r) => ({
        id: r.id,
        companyName: r.company_name,
        companyPhone: r.company_phone,
        leadSource: r.lead_source,
        states: r.states,
        matchedStates: r.matched,
        estimatedValue: Number(r.estimated_value),
        priorityScore: r.priority_score,
        createdAt: new Date(r.created_at).toISOString(),
        callStatus: callStatusLabel(r.last_call_outcome),
        lockedBy:
          r.locked_by_id && r.locked_by_id !== actor.id
            ? {
                id: r.locked_by_id,
                name: r.locked_by_name ?? "someone",
                until: new Date(r.locked_until!).toISOString(),
              }
            : null,
        claimable: !strictRep || r.matched.length > 0,
      })),
    };
  },
);

/** The states of every territory the user is a member of, sorted. */
export async function territoryStates(userId: number): Promise<string[]> {
  const [{ states }] = await db.$queryRaw<{ states: string[] }[]>`
    SELECT coalesce(array_agg(DISTINCT s.state ORDER BY s.state), '{}'::text[]) AS states
    FROM territory_members m
    JOIN territories t ON t.id = m.territory_id
    CROSS JOIN LATERAL unnest(t.states) AS s(state)
    WHERE m.user_id = ${userId}`;
  return states;
}

type TPoolRaw = {
  rows: {
    id: number;
    in_territory: boolean;
    company_name: string;
    company_phone: string | null;
    lead_source: string;
    states: string[];
    matched: string[];
    estimated_value: string;
    priority_score: number;
    created_at: Date;
    last_call_outcome: string | null;
    locked_by_id: number | null;
    locked_by_name: string | null;
    locked_until: Date | null;
  }[];
};

export type TPoolRun = "territory" | "outside";

/** The filter's state is one of my territories' states: every pending lead in it touches them. */
function isStateOfMine(myStates: string[], state: string | undefined): boolean {
  return !!state && myStates.includes(state);
}

/**
 * The runs a pool page reads, in its order: the pending leads touching my territories, then the
 * rest. A run is left out when it cannot hold a row: the territory run once the cursor has left
 * it, or when I have no territory (`states && '{}'` is never true, yet it scanned all 52 000
 * pending leads of the 10x seed to say so); the outside run for "mine", and for a state of my own
 * territories (every lead in that state touches them: it scanned them all to find none, 40 ms).
 */
export function poolRuns(myStates: string[], data: z.output<typeof ZGetLeadPool>): TPoolRun[] {
  const { scope, state, after } = data;
  return [
    ...(myStates.length && !(after && !after.inTerritory) ? (["territory"] as const) : []),
    ...(scope !== "mine" && !isStateOfMine(myStates, state) ? (["outside"] as const) : []),
  ];
}

/**
 * One page: the runs in order, the next read only when the one before it ended short of the page
 * (one row more than the page tells whether a next page exists). A page of the territory run
 * never reads the outside one, which is where most of the pool lies.
 */
async function readPoolPage(
  myStates: string[],
  data: z.output<typeof ZGetLeadPool>,
  now: string,
): Promise<TPoolRaw["rows"]> {
  const take = data.limit + 1;
  const rows: TPoolRaw["rows"] = [];
  for (const run of poolRuns(myStates, data)) {
    if (rows.length >= take) break;
    rows.push(
      ...(await db.$queryRaw<TPoolRaw["rows"]>(leadPoolSql(myStates, data, now, run, take - rows.length))),
    );
  }
  return rows;
}

/**
 * One run of a pool page (`npm run bench -- lists` EXPLAINs it): its pending leads newest first
 * from sales_leads_pool_idx (index-only, the states tested inside the index) after the cursor, at
 * most `take`, with what the page shows of each. My states arrive as a value, not a subquery, so
 * the planner sees how many leads they match: given a subquery it guessed a few, ANDed the states
 * GIN (650 000 entries for a territory) with the status index and read the heap, 2.7 s.
 */
export function leadPoolSql(
  myStates: string[],
  data: z.output<typeof ZGetLeadPool>,
  now: string,
  run: TPoolRun,
  take: number,
): Prisma.Sql {
  const { state, after } = data;
  const inTerritory = run === "territory";
  const mine = Prisma.sql`${myStates}::text[]`;
  const keyset =
    after && after.inTerritory === inTerritory
      ? Prisma.sql`AND (l.created_at, l.id) < (${after.at}::timestamptz, ${after.id})`
      : Prisma.empty;
  // in_territory is typed: an untyped parameter comes back as the text 'false', truthy in JS.
  return Prisma.sql`
    WITH page AS MATERIALIZED (
      SELECT l.id, l.created_at FROM sales_leads l
      WHERE l.status = 'pending' AND ${inTerritory ? Prisma.empty : Prisma.sql`NOT`} (l.states && ${mine})
        ${state ? Prisma.sql`AND l.states @> ARRAY[${state}]::text[]` : Prisma.empty} ${keyset}
      ORDER BY l.created_at DESC, l.id DESC LIMIT ${take}
    )
    SELECT p.id, ${inTerritory}::boolean AS in_territory, l.created_at, co.name AS company_name, co.phone AS company_phone, l.lead_source::text AS lead_source,
           l.states, ARRAY(SELECT unnest(l.states) INTERSECT SELECT unnest(${mine}) ORDER BY 1) AS matched,
           l.estimated_value::text AS estimated_value, l.priority_score, l.last_call_outcome::text AS last_call_outcome,
           CASE WHEN l.call_locked_until > ${now}::timestamptz THEN l.call_locked_by_id END AS locked_by_id,
           CASE WHEN l.call_locked_until > ${now}::timestamptz THEN u.name END AS locked_by_name,
           CASE WHEN l.call_locked_until > ${now}::timestamptz THEN l.call_locked_until END AS locked_until
    FROM page p
    JOIN sales_leads l ON l.id = p.id
    JOIN companies co ON co.id = l.company_id
    LEFT JOIN users u ON u.id = l.call_locked_by_id
    ORDER BY l.created_at DESC, p.id DESC`;
}
