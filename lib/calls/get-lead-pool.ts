import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { isManager } from "@/lib/auth/permissions";
import { isStateCode } from "@/lib/geo/us-states";
import { callStatusLabel } from "@/lib/calls/call-status";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { command } from "@/lib/command";

export const ZGetLeadPool = z.object({
  /** "mine": only leads touching my territories; "all": every unassigned lead, mine first. */
  scope: z.enum(["all", "mine"]).default("all"),
  state: z.string().trim().toUpperCase().refine(isStateCode, "Not a US state code").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
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
  total: number;
  inTerritory: number;
  myStates: string[];
  territoryMode: "open" | "strict";
};

/**
 * Unassigned (pending) leads: those touching my territories first, each with the states that
 * matched, then newest first (speed to lead). One query; `options.now` pins the clock for tests.
 */
export const getLeadPool = command(
  ZGetLeadPool,
  async (actor, data, options: { now?: Date } = {}): Promise<TLeadPool> => {
    const now = (options.now ?? new Date()).toISOString();
    const { territoryMode } = await getCompanySettings();
    const [raw] = await db.$queryRaw<TPoolRaw[]>(leadPoolSql(actor.id, data, now));
    const strictRep = territoryMode === "strict" && !isManager(actor);
    return {
      total: raw.total,
      inTerritory: raw.in_territory,
      myStates: raw.my_states,
      territoryMode,
      rows: raw.rows.map((r) => ({
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

type TPoolRaw = {
  my_states: string[];
  total: number;
  in_territory: number;
  rows: {
    id: number;
    company_name: string;
    company_phone: string | null;
    lead_source: string;
    states: string[];
    matched: string[];
    estimated_value: string;
    priority_score: number;
    created_at: string;
    last_call_outcome: string | null;
    locked_by_id: number | null;
    locked_by_name: string | null;
    locked_until: string | null;
  }[];
};

/** The pool's one query (`npm run bench -- lists` EXPLAINs it). */
export function leadPoolSql(actorId: number, data: z.output<typeof ZGetLeadPool>, now: string): Prisma.Sql {
  const { scope, state, limit, offset } = data;
  const filters = [
    Prisma.sql`l.status = 'pending'`,
    ...(scope === "mine" ? [Prisma.sql`l.states && mine.states`] : []),
    ...(state ? [Prisma.sql`l.states @> ARRAY[${state}]::text[]`] : []),
  ];
  return Prisma.sql`
    WITH mine AS (
      SELECT coalesce(array_agg(DISTINCT s.state ORDER BY s.state), '{}'::text[]) AS states
      FROM territory_members m
      JOIN territories t ON t.id = m.territory_id
      CROSS JOIN LATERAL unnest(t.states) AS s(state)
      WHERE m.user_id = ${actorId}
    ),
    pool AS MATERIALIZED (
      SELECT l.id, l.created_at, (l.states && mine.states) AS in_territory
      FROM sales_leads l, mine
      WHERE ${Prisma.join(filters, " AND ")}
    ),
    page AS (
      SELECT * FROM pool ORDER BY in_territory DESC, created_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}
    )
    SELECT mine.states AS my_states,
      (SELECT count(*)::int FROM pool) AS total,
      (SELECT count(*)::int FROM pool WHERE in_territory) AS in_territory,
      coalesce((
        SELECT json_agg(r ORDER BY r.in_territory DESC, r.created_at DESC, r.id DESC) FROM (
          SELECT p.id, p.in_territory, l.created_at, co.name AS company_name, co.phone AS company_phone, l.lead_source,
                 l.states, ARRAY(SELECT unnest(l.states) INTERSECT SELECT unnest(mine.states) ORDER BY 1) AS matched,
                 l.estimated_value::text AS estimated_value, l.priority_score, l.last_call_outcome,
                 CASE WHEN l.call_locked_until > ${now}::timestamptz THEN l.call_locked_by_id END AS locked_by_id,
                 CASE WHEN l.call_locked_until > ${now}::timestamptz THEN u.name END AS locked_by_name,
                 CASE WHEN l.call_locked_until > ${now}::timestamptz THEN l.call_locked_until END AS locked_until
          FROM page p
          JOIN sales_leads l ON l.id = p.id
          JOIN companies co ON co.id = l.company_id
          LEFT JOIN users u ON u.id = l.call_locked_by_id
        ) r
      ), '[]'::json) AS rows
    FROM mine`;
}
