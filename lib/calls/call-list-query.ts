import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { HOLD_BACK_MINUTES, type TCallBucket, type TCallContext } from "@/lib/calls/call-priority";
import type { THaulHint } from "@/lib/calls/describe-call-reason";

// The SQL twin of placeCallLead/isHeldBack (lib/calls/call-priority.ts): the same buckets in the
// same order, the same sort keys (epoch seconds here, milliseconds there: same order), the same
// hold-back rule. Change one, change the other; tests/integration/call-list.test.ts compares them.
// One statement: candidates come from the (assigned_admin_id, status) index, are ranked and cut
// to a page; companies, first contacts and lock holders are joined for the page rows only.
// Cover while away (issue 21): a second arm adds the due follow-ups (overdue, due today) of the
// reps this rep covers for at `now` (user_away_periods by cover_user_id, then the holder's
// (assigned_admin_id, next_follow_up_at, status) index), marked with whom they cover for. It is
// read-time: when the period ends the arm finds nothing and the rows are back on the holder's list
// only. With no period running the arm costs one index probe.
export type TCallListParams = TCallContext & {
  repId: number;
  limit: number;
  offset: number;
  /** Filter by call status: the last call's outcome, null for "not called"; undefined = all. */
  outcome?: string | null;
};

export type TCallListRaw = {
  total: number;
  held_back: number;
  buckets: Partial<Record<TCallBucket, number>>;
  rows: {
    id: number;
    bucket: TCallBucket;
    rank: number;
    sort_key: number;
    status: string;
    states: string[];
    estimated_value: string;
    haul: THaulHint | null;
    next_follow_up_at: string | null;
    next_follow_up_has_time: boolean;
    last_contact_at: string | null;
    last_call_outcome: string | null;
    assigned_at: string | null;
    created_at: string;
    company_id: number;
    company_name: string;
    company_phone: string | null;
    contact_name: string | null;
    contact_phone: string | null;
    locked_by_id: number | null;
    locked_by_name: string | null;
    locked_until: string | null;
    covering_for_id: number | null;
    covering_for_name: string | null;
  }[];
};

// Explicit ISO text and cast: the instant must not depend on the session's TimeZone.
const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamptz`;

export function callListQuery(p: TCallListParams): Prisma.Sql {
  const staleBefore = new Date(p.now.getTime() - p.staleDays * 86_400_000);
  const recentAfter = new Date(p.now.getTime() - HOLD_BACK_MINUTES * 60_000);
  const outcomeFilter =
    p.outcome === undefined
      ? Prisma.empty
      : p.outcome === null
        ? Prisma.sql`AND l.last_call_outcome IS NULL`
        : Prisma.sql`AND l.last_call_outcome = ${p.outcome}::action_outcome`;
  const ranked = Prisma.sql`l.id, l.next_follow_up_at, l.last_contact_at, l.assigned_at, l.created_at,
        CASE
          WHEN l.next_follow_up_at < ${ts(p.dayStart)} THEN 1
          WHEN l.next_follow_up_at < ${ts(p.dayEnd)} THEN 2
          WHEN l.last_contact_at IS NULL THEN 3
          WHEN l.next_follow_up_at IS NULL AND l.last_call_outcome = 'interested' THEN 4
          WHEN l.next_follow_up_at IS NULL AND l.last_call_outcome = 'callback' THEN 5
          WHEN l.next_follow_up_at IS NULL AND l.last_contact_at < ${ts(staleBefore)} THEN 6
        END AS rank,
        coalesce(l.last_contact_at > ${ts(recentAfter)}, false)
          AND NOT coalesce(l.next_follow_up_at <= ${ts(p.now)}, false) AS held`;
  return Prisma.sql`
    WITH covered AS MATERIALIZED (
      SELECT a.user_id FROM user_away_periods a
      WHERE a.cover_user_id = ${p.repId} AND a.ends_at > ${ts(p.now)} AND a.starts_at <= ${ts(p.now)}
    ),
    candidates AS MATERIALIZED (
      SELECT ${ranked}, NULL::int AS covering_for
      FROM sales_leads l
      WHERE l.assigned_admin_id = ${p.repId} AND l.status IN ('assigned', 'in_progress') ${outcomeFilter}
      UNION ALL
      SELECT ${ranked}, l.assigned_admin_id AS covering_for
      FROM covered cv JOIN sales_leads l ON l.assigned_admin_id = cv.user_id
      WHERE l.next_follow_up_at < ${ts(p.dayEnd)} AND l.status IN ('assigned', 'in_progress') ${outcomeFilter}
    ),
    listed AS (
      SELECT c.id, c.rank, c.covering_for,
        CASE
          WHEN c.rank IN (1, 2) THEN extract(epoch FROM c.next_follow_up_at)
          WHEN c.rank = 3 THEN -extract(epoch FROM coalesce(c.assigned_at, c.created_at))
          ELSE extract(epoch FROM c.last_contact_at)
        END AS sort_key
      FROM candidates c
      WHERE c.rank IS NOT NULL AND NOT c.held
    ),
    page AS (
      SELECT * FROM listed ORDER BY rank, sort_key, id LIMIT ${p.limit} OFFSET ${p.offset}
    )
    SELECT
      (SELECT count(*)::int FROM listed) AS total,
      (SELECT count(*)::int FROM candidates WHERE rank IS NOT NULL AND held) AS held_back,
      (SELECT coalesce(jsonb_object_agg(b.bucket, b.n), '{}'::jsonb)
         FROM (SELECT (ARRAY['overdue','due_today','new','interested','callback','stale'])[rank] AS bucket, count(*)::int AS n
               FROM listed GROUP BY rank) b) AS buckets,
      coalesce((
        SELECT json_agg(r ORDER BY r.rank, r.sort_key, r.id) FROM (
          SELECT pg.id, pg.rank, pg.sort_key::float8 AS sort_key,
                 (ARRAY['overdue','due_today','new','interested','callback','stale'])[pg.rank] AS bucket,
                 l.status, l.states, l.estimated_value::text AS estimated_value,
                 CASE WHEN l.haul IS NOT NULL THEN jsonb_build_object(
                   'escorts', coalesce((l.haul #>> '{escorts,high}')::int, 0),
                   'states', (SELECT string_agg(s ->> 'state', '+') FROM jsonb_array_elements(l.haul -> 'states') s
                              WHERE coalesce((s #>> '{escorts,high}')::int, 0) > 0),
                   'police', l.needs_police, 'superload', l.superload) END AS haul,
                 l.next_follow_up_at, l.next_follow_up_has_time, l.last_contact_at, l.last_call_outcome, l.assigned_at, l.created_at,
                 co.id AS company_id, co.name AS company_name, co.phone AS company_phone,
                 ct.name AS contact_name, ct.phone AS contact_phone,
                 CASE WHEN l.call_locked_until > ${ts(p.now)} THEN l.call_locked_by_id END AS locked_by_id,
                 CASE WHEN l.call_locked_until > ${ts(p.now)} THEN lu.name END AS locked_by_name,
                 CASE WHEN l.call_locked_until > ${ts(p.now)} THEN l.call_locked_until END AS locked_until,
                 pg.covering_for AS covering_for_id, cf.name AS covering_for_name
          FROM page pg
          JOIN sales_leads l ON l.id = pg.id
          JOIN companies co ON co.id = l.company_id
          LEFT JOIN LATERAL (SELECT name, phone FROM contacts WHERE company_id = co.id ORDER BY id LIMIT 1) ct ON TRUE
          LEFT JOIN users lu ON lu.id = l.call_locked_by_id
          LEFT JOIN users cf ON cf.id = pg.covering_for
        ) r
      ), '[]'::json) AS rows`;
}
