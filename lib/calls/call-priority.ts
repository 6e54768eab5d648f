// The call list's priority, as a pure function. lib/calls/call-list-query.ts is its SQL twin (the
// list is ordered by PostgreSQL, never by sorting rows here); tests/integration/call-list.test.ts
// checks that both order the same fixture identically.
//
// A rep's assigned open lead (assigned or in_progress) lands in the FIRST bucket it matches:
//   1 overdue     a follow-up was due before today (company time zone)   oldest follow-up first
//   2 due_today   a follow-up falls due today                             earliest time first
//   3 new         never contacted (speed to lead)                         NEWEST claim first: a
//                 fresh lead cools fastest, so the lead claimed a minute ago is called before one
//                 that has already waited a day (the older ones still precede buckets 4–6)
//   4 interested  the last call was "interested" and no follow-up is booked   longest wait first
//   5 callback    the last call was "callback" and no follow-up is booked     longest wait first
//   6 stale       no contact for `staleDays` days and no follow-up is booked  longest wait first
// Anything else (e.g. a follow-up booked for a later day) is not on today's list: a booked
// follow-up is the rep's own word on when to call next. Ties break by lead id.
// Held back: a lead contacted within the last hour is left off, unless a follow-up is due
// (at or before now) — no double calling.
export const HOLD_BACK_MINUTES = 60;

/** Rows per page of the call list ("Next 100"). */
export const CALL_LIST_PAGE_SIZE = 100;

export const CALL_BUCKETS = [
  { key: "overdue", rank: 1, label: "Overdue follow-up" },
  { key: "due_today", rank: 2, label: "Follow-up due today" },
  { key: "new", rank: 3, label: "New lead" },
  { key: "interested", rank: 4, label: "Interested" },
  { key: "callback", rank: 5, label: "Callback requested" },
  { key: "stale", rank: 6, label: "Stale" },
] as const;

export type TCallBucket = (typeof CALL_BUCKETS)[number]["key"];

export type TCallCandidate = {
  id: number;
  nextFollowUpAt: Date | null;
  lastContactAt: Date | null;
  lastCallOutcome: string | null;
  assignedAt: Date | null;
  createdAt: Date;
};

export type TCallContext = {
  now: Date;
  /** Start of today and of tomorrow in the company time zone. */
  dayStart: Date;
  dayEnd: Date;
  staleDays: number;
};

export type TCallPlacement = { bucket: TCallBucket; rank: number; sortKey: number };

const DAY_MS = 86_400_000;

/** The bucket and in-bucket sort key of a lead, or null when it is not on today's list. */
export function placeCallLead(lead: TCallCandidate, ctx: TCallContext): TCallPlacement | null {
  const follow = lead.nextFollowUpAt?.getTime() ?? null;
  const contact = lead.lastContactAt?.getTime() ?? null;
  const at = (bucket: TCallBucket, sortKey: number): TCallPlacement => ({
    bucket,
    rank: CALL_BUCKETS.find((b) => b.key === bucket)!.rank,
    sortKey,
  });
  if (follow !== null && follow < ctx.dayStart.getTime()) return at("overdue", follow);
  if (follow !== null && follow < ctx.dayEnd.getTime()) return at("due_today", follow);
  if (contact === null) return at("new", -(lead.assignedAt ?? lead.createdAt).getTime());
  if (follow === null && lead.lastCallOutcome === "interested") return at("interested", contact);
  if (follow === null && lead.lastCallOutcome === "callback") return at("callback", contact);
  if (follow === null && contact < ctx.now.getTime() - ctx.staleDays * DAY_MS) return at("stale", contact);
  return null;
}

/** Called within the hour and no follow-up due yet: leave it off the list for now. */
export function isHeldBack(lead: TCallCandidate, ctx: TCallContext): boolean {
  const recent =
    lead.lastContactAt !== null &&
    lead.lastContactAt.getTime() > ctx.now.getTime() - HOLD_BACK_MINUTES * 60_000;
  const due = lead.nextFollowUpAt !== null && lead.nextFollowUpAt.getTime() <= ctx.now.getTime();
  return recent && !due;
}

/** Orders placed leads exactly as the SQL query does: rank, then sort key, then id. */
export function compareCallPlacements(
  a: TCallPlacement & { id: number },
  b: TCallPlacement & { id: number },
): number {
  return a.rank - b.rank || a.sortKey - b.sortKey || a.id - b.id;
}

/** The whole list in memory — for tests and documentation only; the app asks PostgreSQL. */
export function orderCallList<T extends TCallCandidate>(
  leads: T[],
  ctx: TCallContext,
): (T & TCallPlacement)[] {
  return leads
    .filter((l) => !isHeldBack(l, ctx))
    .map((l) => ({ lead: l, placement: placeCallLead(l, ctx) }))
    .filter((x): x is { lead: T; placement: TCallPlacement } => x.placement !== null)
    .map((x) => ({ ...x.lead, ...x.placement }))
    .sort(compareCallPlacements);
}
