import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import { CALL_BUCKETS, type TCallBucket } from "@/lib/calls/call-priority";
import { callListQuery, type TCallListRaw } from "@/lib/calls/call-list-query";
import { CALL_STATUS_KEYS, CALL_STATUSES, callStatusLabel } from "@/lib/calls/call-status";
import { describeCallReason } from "@/lib/calls/describe-call-reason";
import { zonedDayBounds } from "@/lib/kernel/zoned-time";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { command } from "@/lib/command";

export const ZGetCallList = z.object({
  /** Whose list: one's own by default; another rep's only for the manager. */
  repId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
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
  total: number;
  heldBack: number;
  buckets: Record<TCallBucket, number>;
  timeZone: string;
  staleDays: number;
};

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

/**
 * The signed-in rep's call list for now, ordered by PostgreSQL (see lib/calls/call-priority.ts
 * for the documented priority). `options.now` pins the clock for tests; callers never pass it.
 */
export const getCallList = command(
  ZGetCallList,
  async (actor, data, options: { now?: Date } = {}): Promise<TCallList> => {
    const { repId = actor.id, limit, offset, callStatus } = data;
    if (repId !== actor.id) assertCan(actor, "metrics.team");
    const settings = await getCompanySettings();
    const now = options.now ?? new Date();
    const { start, end } = zonedDayBounds(now, settings.timeZone);
    const outcome = callStatus ? CALL_STATUSES.find((s) => s.key === callStatus)!.outcome : undefined;
    const [raw] = await db.$queryRaw<TCallListRaw[]>(
      callListQuery({
        repId,
        now,
        dayStart: start,
        dayEnd: end,
        staleDays: settings.staleDays,
        limit,
        offset,
        outcome,
      }),
    );
    const buckets = Object.fromEntries(CALL_BUCKETS.map((b) => [b.key, raw.buckets[b.key] ?? 0])) as Record<
      TCallBucket,
      number
    >;
    return {
      total: raw.total,
      heldBack: raw.held_back,
      buckets,
      timeZone: settings.timeZone,
      staleDays: settings.staleDays,
      rows: raw.rows.map((r) => ({
        id: r.id,
        bucket: r.bucket,
        bucketLabel: CALL_BUCKETS.find((b) => b.key === r.bucket)!.label,
        reason: describeCallReason(
          {
            bucket: r.bucket,
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
        coveringFor: r.covering_for_id ? { id: r.covering_for_id, name: r.covering_for_name ?? "a teammate" } : null,
        lockedBy:
          r.locked_by_id && r.locked_by_id !== actor.id
            ? { id: r.locked_by_id, name: r.locked_by_name ?? "someone", until: iso(r.locked_until)! }
            : null,
      })),
    };
  },
);
