import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { EXACT_COUNT_LIMIT } from "@/lib/leads/lead-vocabulary";
import {
  CALL_BUCKETS,
  HOLD_BACK_MINUTES,
  type TCallBucket,
  type TCallContext,
} from "@/lib/calls/call-priority";
import type { THaulHint } from "@/lib/calls/describe-call-reason";

// The SQL twin of placeCallLead/isHeldBack (lib/calls/call-priority.ts): the same buckets in the
// same order, the same sort keys (epoch seconds here, milliseconds there: same order), the same
// hold-back rule. Change one, change the other; tests/integration/call-list.test.ts compares them.
//
// Each bucket is read on its own, as a range of one partial index in the bucket's order
// (migration call_list_bucket_indexes), at most a page from each: a page costs six short index
// ranges whatever the rep holds, where ranking all their open leads (49 000 for the busiest rep
// at 1 000 000 leads) cost 9× the demo. Buckets before the cursor's are left out of the
// statement; the cursor's bucket starts after the cursor's row. Counts are per bucket, bounded
// at EXACT_COUNT_LIMIT + 1 (the screen says "1,000+").
// Cover while away (issue 21): the due follow-ups (overdue, due today) of the reps this rep
// covers for at `now` join buckets 1 and 2, marked with whom they cover for; with no period
// running that arm costs one index probe.
export type TCallListParams = TCallContext & {
  repId: number;
  limit: number;
  /** Keyset: the page starts after this row of the list's order. */
  after?: TCallCursor;
  /** Filter by call status: the last call's outcome, null for "not called"; undefined = all. */
  outcome?: string | null;
};

/** A row's place in the list's order: bucket rank, the bucket's sort column (ISO instant), id. */
export type TCallCursor = { rank: number; at: string; id: number };

export type TCallListRaw = {
  held_back: number;
  /** Per bucket rank ("1".."6"), each bounded at EXACT_COUNT_LIMIT + 1. */
  counts: Record<string, number>;
  /** The page's rows as arrays in CALL_ROW_COLUMNS order: read them with callListRow(). */
  rows: unknown[][];
};

export type TCallListRawRow = {
  id: number;
  rank: number;
  /** The bucket's sort column, for the cursor. */
  cursor_at: string;
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
  covering_for_id: number | null;
  covering_for_name: string | null;
  /** [user id, name, until] while someone holds the soft call lock, else null. */
  lock: [number, string | null, string] | null;
};

// Each row is a JSON array, not an object: a page of 100 rows is 38 KB of JSON instead of 77 (the
// keys were the other half), and the statement takes 3.5 ms instead of 4.0 at 1 000 000 leads.
// The names live here once, beside the SQL below that writes the arrays in this order.
const CALL_ROW_COLUMNS = [
  "id",
  "rank",
  "cursor_at",
  "status",
  "states",
  "estimated_value",
  "haul",
  "next_follow_up_at",
  "next_follow_up_has_time",
  "last_contact_at",
  "last_call_outcome",
  "assigned_at",
  "created_at",
  "company_id",
  "company_name",
  "company_phone",
  "contact_name",
  "contact_phone",
  "covering_for_id",
  "covering_for_name",
  "lock",
] as const satisfies readonly (keyof TCallListRawRow)[];

/** One row of TCallListRaw.rows by its column names. */
export function callListRow(values: unknown[]): TCallListRawRow {
  const row: Record<string, unknown> = {};
  CALL_ROW_COLUMNS.forEach((name, i) => (row[name] = values[i]));
  return row as TCallListRawRow;
}

// Explicit ISO text and cast: the instant must not depend on the session's TimeZone.
const ts = (d: Date | string) => Prisma.sql`${typeof d === "string" ? d : d.toISOString()}::timestamptz`;

const OPEN = Prisma.sql`l.status IN ('assigned', 'in_progress')`;

type TBucketRead = {
  rank: number;
  /** The bucket's condition over `sales_leads l` (owner and open status come on top). */
  where: Prisma.Sql;
  /** The sort column and direction; ties always by id ascending. */
  column: Prisma.Sql;
  desc: boolean;
  /** Buckets 1 and 2 also hold the due follow-ups of the reps this rep covers for. */
  covers: boolean;
};

/** The six buckets as index ranges (the rule of each: lib/calls/call-priority.ts). */
function bucketReads(p: TCallListParams): TBucketRead[] {
  const staleBefore = new Date(p.now.getTime() - p.staleDays * 86_400_000);
  const recentAfter = new Date(p.now.getTime() - HOLD_BACK_MINUTES * 60_000);
  const follow = Prisma.sql`l.next_follow_up_at`;
  const contact = Prisma.sql`l.last_contact_at`;
  // Held back: contacted within the hour and no follow-up due yet. Bucket 1's follow-ups are all
  // due; bucket 3 was never contacted; bucket 6 not for days: only 2, 4 and 5 can hold one back.
  const notRecent = Prisma.sql`l.last_contact_at <= ${ts(recentAfter)}`;
  const waiting = (outcome: string) =>
    Prisma.sql`l.next_follow_up_at IS NULL AND l.last_contact_at IS NOT NULL AND l.last_call_outcome = ${outcome}::action_outcome AND ${notRecent}`;
  const reads: (TBucketRead & { key: TCallBucket })[] = [
    {
      key: "overdue",
      rank: 1,
      where: Prisma.sql`l.next_follow_up_at < ${ts(p.dayStart)}`,
      column: follow,
      desc: false,
      covers: true,
    },
    {
      key: "due_today",
      rank: 2,
      where: Prisma.sql`l.next_follow_up_at >= ${ts(p.dayStart)} AND l.next_follow_up_at < ${ts(p.dayEnd)}
        AND NOT (coalesce(l.last_contact_at > ${ts(recentAfter)}, false) AND l.next_follow_up_at > ${ts(p.now)})`,
      column: follow,
      desc: false,
      covers: true,
    },
    {
      key: "new",
      rank: 3,
      where: Prisma.sql`l.last_contact_at IS NULL AND (l.next_follow_up_at IS NULL OR l.next_follow_up_at >= ${ts(p.dayEnd)})`,
      column: Prisma.sql`coalesce(l.assigned_at, l.created_at)`,
      desc: true,
      covers: false,
    },
    { key: "interested", rank: 4, where: waiting("interested"), column: contact, desc: false, covers: false },
    { key: "callback", rank: 5, where: waiting("callback"), column: contact, desc: false, covers: false },
    {
      key: "stale",
      rank: 6,
      where: Prisma.sql`l.next_follow_up_at IS NULL AND l.last_contact_at IS NOT NULL AND l.last_contact_at < ${ts(staleBefore)}
        AND l.last_call_outcome IS DISTINCT FROM 'interested' AND l.last_call_outcome IS DISTINCT FROM 'callback'`,
      column: contact,
      desc: false,
      covers: false,
    },
  ];
  // The ranks must be call-priority's: one owner for the order of the buckets.
  for (const r of reads)
    if (CALL_BUCKETS.find((b) => b.key === r.key)!.rank !== r.rank) throw new Error(r.key);
  // A call-status filter empties the buckets it contradicts: leave them out of the statement. A
  // call outcome comes with a contact (a trigger holds it: migration call_outcome_needs_contact),
  // so a never-contacted ("new") lead has none; read anyway, that bucket walked the rep's whole
  // new range for nothing (0.7 ms of a "callback" list at 1 000 000 leads, its range and count).
  return reads.filter(
    (r) =>
      p.outcome === undefined ||
      ((r.key === "new" ? p.outcome === null : true) &&
        (r.key === "interested" ? p.outcome === "interested" : true) &&
        (r.key === "callback" ? p.outcome === "callback" : true) &&
        (r.key === "stale" ? p.outcome !== "interested" && p.outcome !== "callback" : true)),
  );
}

export function callListQuery(p: TCallListParams): Prisma.Sql {
  const outcome =
    p.outcome === undefined
      ? Prisma.empty
      : p.outcome === null
        ? Prisma.sql`AND l.last_call_outcome IS NULL`
        : Prisma.sql`AND l.last_call_outcome = ${p.outcome}::action_outcome`;
  const reads = bucketReads(p);
  const take = p.limit + 1;
  const after = p.after;
  const pageArms: Prisma.Sql[] = [];
  for (const b of reads) {
    if (after && b.rank < after.rank) continue;
    const dir = Prisma.raw(b.desc ? "DESC" : "ASC");
    // After the cursor in (column dir, id ASC): a bound on the column the index starts the range
    // at, then the rows tied with the cursor's value by id.
    const keyset =
      after && after.rank === b.rank
        ? Prisma.sql`AND ${b.column} ${Prisma.raw(b.desc ? "<=" : ">=")} ${ts(after.at)}
            AND (${b.column} ${Prisma.raw(b.desc ? "<" : ">")} ${ts(after.at)} OR l.id > ${after.id})`
        : Prisma.empty;
    const select = (covering: Prisma.Sql, owner: Prisma.Sql, from: Prisma.Sql) =>
      Prisma.sql`(SELECT l.id, ${b.rank}::int AS rank, ${b.column} AS at, ${covering} AS covering_for
        FROM ${from} WHERE ${owner} AND ${OPEN} AND ${b.where} ${outcome} ${keyset}
        ORDER BY ${b.column} ${dir}, l.id LIMIT ${take})`;
    pageArms.push(
      select(Prisma.sql`NULL::int`, Prisma.sql`l.assigned_admin_id = ${p.repId}`, Prisma.sql`sales_leads l`),
    );
    if (b.covers)
      pageArms.push(
        select(
          Prisma.sql`l.assigned_admin_id`,
          Prisma.sql`l.assigned_admin_id = cv.user_id`,
          Prisma.sql`covered cv JOIN sales_leads l ON l.assigned_admin_id = cv.user_id`,
        ),
      );
  }
  // The counts: each bucket bounded, the rep's own and the covered arm together.
  const counts = reads.map((b) => {
    const arm = (owner: Prisma.Sql, from: Prisma.Sql) =>
      Prisma.sql`SELECT 1 FROM ${from} WHERE ${owner} AND ${OPEN} AND ${b.where} ${outcome}`;
    const mine = arm(Prisma.sql`l.assigned_admin_id = ${p.repId}`, Prisma.sql`sales_leads l`);
    const both = b.covers
      ? Prisma.sql`(${mine}) UNION ALL (${arm(Prisma.sql`TRUE`, Prisma.sql`covered cv JOIN sales_leads l ON l.assigned_admin_id = cv.user_id`)})`
      : mine;
    return Prisma.sql`${String(b.rank)}::text, (SELECT count(*)::int FROM (${both} LIMIT ${EXACT_COUNT_LIMIT + 1}) x)`;
  });
  const recentAfter = new Date(p.now.getTime() - HOLD_BACK_MINUTES * 60_000);
  // Held back (left off for now): due today but not yet, or interested/callback without a
  // follow-up, and contacted within the hour. Two short ranges of the bucket indexes.
  const held = Prisma.sql`(SELECT count(*)::int FROM (
      (SELECT 1 FROM sales_leads l WHERE l.assigned_admin_id = ${p.repId} AND ${OPEN}
         AND l.next_follow_up_at > ${ts(p.now)} AND l.next_follow_up_at < ${ts(p.dayEnd)}
         AND l.next_follow_up_at >= ${ts(p.dayStart)} AND l.last_contact_at > ${ts(recentAfter)} ${outcome})
      UNION ALL
      (SELECT 1 FROM sales_leads l WHERE l.assigned_admin_id = ${p.repId} AND ${OPEN}
         AND l.next_follow_up_at IS NULL AND l.last_contact_at IS NOT NULL
         AND l.last_call_outcome IN ('interested', 'callback') AND l.last_contact_at > ${ts(recentAfter)} ${outcome})
      LIMIT ${EXACT_COUNT_LIMIT + 1}) x)`;
  const page = pageArms.length
    ? Prisma.sql`SELECT * FROM (${Prisma.join(pageArms, " UNION ALL ")}) a
        ORDER BY a.rank, CASE WHEN a.rank = 3 THEN -extract(epoch FROM a.at) ELSE extract(epoch FROM a.at) END, a.id
        LIMIT ${take}`
    : Prisma.sql`SELECT NULL::int AS id, NULL::int AS rank, NULL::timestamptz AS at, NULL::int AS covering_for WHERE FALSE`;
  return Prisma.sql`
    WITH covered AS MATERIALIZED (
      SELECT a.user_id FROM user_away_periods a
      WHERE a.cover_user_id = ${p.repId} AND a.ends_at > ${ts(p.now)} AND a.starts_at <= ${ts(p.now)}
    ),
    page AS MATERIALIZED (${page})
    SELECT
      ${held} AS held_back,
      ${counts.length ? Prisma.sql`json_build_object(${Prisma.join(counts)})` : Prisma.sql`'{}'::json`} AS counts,
      coalesce((
        SELECT json_agg(json_build_array(
                 pg.id, pg.rank, pg.at, l.status, l.states, l.estimated_value::text,
                 CASE WHEN l.haul IS NOT NULL THEN jsonb_build_object(
                   'escorts', coalesce((l.haul #>> '{escorts,high}')::int, 0),
                   'states', (SELECT string_agg(s ->> 'state', '+') FROM jsonb_array_elements(l.haul -> 'states') s
                              WHERE coalesce((s #>> '{escorts,high}')::int, 0) > 0),
                   'police', l.needs_police, 'superload', l.superload) END,
                 l.next_follow_up_at, l.next_follow_up_has_time, l.last_contact_at, l.last_call_outcome, l.assigned_at, l.created_at,
                 co.id, co.name, co.phone, ct.name, ct.phone, pg.covering_for, cf.name,
                 CASE WHEN l.call_locked_until > ${ts(p.now)} THEN json_build_array(l.call_locked_by_id, lu.name, l.call_locked_until) END)
               ORDER BY pg.rank, CASE WHEN pg.rank = 3 THEN -extract(epoch FROM pg.at) ELSE extract(epoch FROM pg.at) END, pg.id)
        FROM page pg
        JOIN sales_leads l ON l.id = pg.id
        JOIN companies co ON co.id = l.company_id
        LEFT JOIN LATERAL (SELECT name, phone FROM contacts WHERE company_id = co.id ORDER BY id LIMIT 1) ct ON TRUE
        LEFT JOIN users lu ON lu.id = l.call_locked_by_id
        LEFT JOIN users cf ON cf.id = pg.covering_for
      ), '[]'::json) AS rows`;
}
