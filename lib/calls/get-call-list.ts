import "server-only";
import { z } from "zod";
import { createHash } from "node:crypto";
import { dbPool } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import { CALL_BUCKETS, CALL_LIST_PAGE_SIZE, type TCallBucket } from "@/lib/calls/call-priority";
import { callListQuery, callListRow, type TCallCursor, type TCallListRaw } from "@/lib/calls/call-list-query";
import { addCounts, cappedCount, type TListCount } from "@/lib/leads/lead-vocabulary";
import { CALL_STATUS_KEYS, CALL_STATUSES, callStatusLabel } from "@/lib/calls/call-status";
import { describeCallReason } from "@/lib/calls/describe-call-reason";
import { zonedDayBounds } from "@/lib/kernel/zoned-time";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { command } from "@/lib/command";

export const ZGetCallList = z.object({
  /** Whose list: one's own by default; another rep's only for the manager. */
  repId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(CALL_LIST_PAGE_SIZE),
  // Keyset "Next": the row the page starts after, as "<bucket rank>~<ISO instant>~<id>" (the
  // list's nextCursor). Any depth costs what the first page costs.
  after: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z
      .string()
      .max(60)
      .regex(
        /^[1-6]~\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z~[1-9]\d{0,9}$/,
        "Not a call list cursor",
      )
      .refine((c) => !Number.isNaN(Date.parse(c.split("~")[1])), "Not a call list cursor")
      .transform((c): TCallCursor => {
        const [rank, at, id] = c.split("~");
        return { rank: Number(rank), at, id: Number(id) };
      })
      .optional(),
  ),
  callStatus: z.enum(CALL_STATUS_KEYS).optional(),
});
export type TGetCallList = z.input<typeof ZGetCallList>;

export type TCallListRow = {
  id: number;
  bucket: TCallBucket;
  bucketLabel: string;
  reason: string;
  status: string;
  callStatus: string;
  states: string[];
  estimatedValue: number;
  nextFollowUpAt: string | null;
  /** false: the follow-up is a day ("any time that day"). */
  nextFollowUpHasTime: boolean;
  lastContactAt: string | null;
  company: { id: number; name: string; phone: string | null };
  contact: { name: string | null; phone: string | null };
  /** The holder is away and the viewer covers for them: "Covering for Alex" (lib/away/). */
  coveringFor: { id: number; name: string } | null;
  /** Someone else is on the phone with this lead right now (soft lock). */
  lockedBy: { id: number; name: string; until: string } | null;
};

export type TCallList = {
  rows: TCallListRow[];
  /** Counts bounded at EXACT_COUNT_LIMIT: past it "1,000+" (countLabel). */
  total: TListCount;
  heldBack: TListCount;
  buckets: Record<TCallBucket, TListCount>;
  /** The cursor of the page's last row when more follow ("Next 100"), else null. */
  nextCursor: string | null;
  timeZone: string;
  staleDays: number;
};

/**
 * Runs the call list's statement as a named prepared statement (one name per statement text),
 * forced to its generic plan: PostgreSQL plans it once per connection and reuses the plan.
 * Planning it cost 3–13 ms on a quiet machine (80–160 ms under load) against 1–3 ms to run it,
 * and left to choose ("auto") PostgreSQL kept planning it anew on every call at 1 000 000 leads
 * (0 generic plans of 40), since the generic plan's estimate came out above the custom ones'
 * average: 7.1 ms a call against 3.1 forced, the same index ranges either way. SET LOCAL keeps the
 * setting to this read-only transaction: Prisma's unnamed statements on the same connection keep
 * their custom plans.
 */
async function readCallList(sql: { text: string; values: unknown[] }): Promise<TCallListRaw> {
  const name = `call_list_${createHash("sha1").update(sql.text).digest("hex").slice(0, 20)}`;
  const client = await dbPool().connect();
  try {
    await client.query("BEGIN READ ONLY; SET LOCAL plan_cache_mode = force_generic_plan");
    const {
      rows: [raw],
    } = await client.query<TCallListRaw>({ name, text: sql.text, values: sql.values });
    await client.query("COMMIT");
    return raw;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

/**
 * The signed-in rep's call list for now, ordered by PostgreSQL (see lib/calls/call-priority.ts
 * for the documented priority). `options.now` pins the clock for tests; callers never pass it.
 */
export const getCallList = command(
  ZGetCallList,
  async (actor, data, options: { now?: Date } = {}): Promise<TCallList> => {
    const { repId = actor.id, limit, after, callStatus } = data;
    if (repId !== actor.id) assertCan(actor, "metrics.team");
    const settings = await getCompanySettings();
    const now = options.now ?? new Date();
    const { start, end } = zonedDayBounds(now, settings.timeZone);
    const outcome = callStatus ? CALL_STATUSES.find((s) => s.key === callStatus)!.outcome : undefined;
    const sql = callListQuery({
      repId,
      now,
      dayStart: start,
      dayEnd: end,
      staleDays: settings.staleDays,
      limit,
      after,
      outcome,
    });
    const raw = await readCallList(sql);
    const buckets = Object.fromEntries(
      CALL_BUCKETS.map((b) => [b.key, cappedCount(raw.counts[String(b.rank)] ?? 0)]),
    ) as Record<TCallBucket, TListCount>;
    const more = raw.rows.length > limit;
    const pageRows = raw.rows.slice(0, limit).map(callListRow);
    const last = pageRows[pageRows.length - 1];
    return {
      total: addCounts(Object.values(buckets)),
      heldBack: cappedCount(raw.held_back),
      buckets,
      nextCursor: more && last ? `${last.rank}~${new Date(last.cursor_at).toISOString()}~${last.id}` : null,
      timeZone: settings.timeZone,
      staleDays: settings.staleDays,
      rows: pageRows.map((r) => {
        const bucket = CALL_BUCKETS.find((b) => b.rank === r.rank)!;
        return {
          id: r.id,
          bucket: bucket.key,
          bucketLabel: bucket.label,
          reason: describeCallReason(
            {
              bucket: bucket.key,
              nextFollowUpAt: r.next_follow_up_at,
              lastContactAt: r.last_contact_at,
              assignedAt: r.assigned_at,
              createdAt: r.created_at,
              haul: r.haul,
            },
            now,
            settings.timeZone,
          ),
          status: r.status,
          callStatus: callStatusLabel(r.last_call_outcome),
          states: r.states,
          estimatedValue: Number(r.estimated_value),
          nextFollowUpAt: iso(r.next_follow_up_at),
          nextFollowUpHasTime: r.next_follow_up_has_time,
          lastContactAt: iso(r.last_contact_at),
          company: { id: r.company_id, name: r.company_name, phone: r.company_phone },
          contact: { name: r.contact_name, phone: r.contact_phone },
          coveringFor: r.covering_for_id
            ? { id: r.covering_for_id, name: r.covering_for_name ?? "a teammate" }
            : null,
          lockedBy:
            r.lock && r.lock[0] && r.lock[0] !== actor.id
              ? { id: r.lock[0], name: r.lock[1] ?? "someone", until: iso(r.lock[2])! }
              : null,
        };
      }),
    };
  },
);
