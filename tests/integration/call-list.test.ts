import { db, dbPool } from "@/lib/db";
import { getCallList } from "@/lib/calls/get-call-list";
import { orderCallList } from "@/lib/calls/call-priority";
import { callListQuery } from "@/lib/calls/call-list-query";
import { CALL_STATUSES, callStatusOf } from "@/lib/calls/call-status";
import { zonedDayBounds } from "@/lib/kernel/zoned-time";
import { makeLead, makeUser } from "../fixtures/factories";
import { days, hours, minutes } from "../fixtures/calls";

// The clock is pinned (noon in Chicago, a Wednesday) so "today" never depends on when CI runs.
const now = new Date("2026-11-18T18:00:00Z");
const at = (offset: number) => new Date(now.getTime() + offset);

async function callLead(
  repId: number,
  p: {
    followUp?: number;
    contact?: number;
    outcome?: "answered" | "voicemail" | "no_answer" | "interested" | "not_interested" | "callback";
    assigned?: number;
    status?: "assigned" | "in_progress" | "converted";
  },
) {
  const lead = await makeLead({
    status: p.status ?? (p.contact === undefined ? "assigned" : "in_progress"),
    assignedAdminId: repId,
    nextFollowUpAt: p.followUp === undefined ? null : at(p.followUp),
    lastContactAt: p.contact === undefined ? null : at(p.contact),
  });
  return db.salesLead.update({
    where: { id: lead.id },
    data: {
      lastCallOutcome: p.outcome ?? null,
      assignedAt: at(p.assigned ?? -days(20)),
      createdAt: at(-days(21)),
    },
  });
}

const exact = (n: number) => ({ n, kind: "exact" });

describe("the call list", () => {
  it("orders a fixture of leads exactly by the documented priority, with the reason for each", async () => {
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const l = {
      overdueOld: await callLead(rep.id, { followUp: -days(2), contact: -days(3), outcome: "voicemail" }),
      overdueNew: await callLead(rep.id, { followUp: -days(1), contact: -days(3), outcome: "interested" }),
      dueEarly: await callLead(rep.id, { followUp: -hours(5), contact: -days(2), outcome: "no_answer" }),
      dueJustNow: await callLead(rep.id, {
        followUp: -minutes(10),
        contact: -minutes(20),
        outcome: "callback",
      }),
      dueLater: await callLead(rep.id, { followUp: hours(3), contact: -days(3), outcome: "answered" }),
      newOlder: await callLead(rep.id, { assigned: -hours(5) }),
      newFresh: await callLead(rep.id, { assigned: -hours(1) }),
      interestedRecent: await callLead(rep.id, { contact: -days(2), outcome: "interested" }),
      interestedLong: await callLead(rep.id, { contact: -days(4), outcome: "interested" }),
      callback: await callLead(rep.id, { contact: -days(1), outcome: "callback" }),
      stale: await callLead(rep.id, { contact: -days(10), outcome: "voicemail" }),
      // not on today's list:
      recentNoAnswer: await callLead(rep.id, { contact: -days(2), outcome: "no_answer" }),
      bookedLater: await callLead(rep.id, { contact: -days(1), outcome: "interested", followUp: days(2) }),
      heldInterested: await callLead(rep.id, { contact: -minutes(30), outcome: "interested" }),
      heldDueTonight: await callLead(rep.id, {
        contact: -minutes(30),
        outcome: "voicemail",
        followUp: hours(2),
      }),
      converted: await callLead(rep.id, { followUp: -days(2), contact: -days(3), status: "converted" }),
      someoneElses: await callLead(other.id, { followUp: -days(5), contact: -days(6) }),
    };
    const expected = [
      "overdueOld",
      "overdueNew",
      "dueEarly",
      "dueJustNow",
      "dueLater",
      "newFresh",
      "newOlder",
      "interestedLong",
      "interestedRecent",
      "callback",
      "stale",
    ] as const;

    const list = await getCallList(rep, {}, { now });
    expect(list.rows.map((r) => r.id)).toEqual(expected.map((k) => l[k].id));
    expect(list.total).toEqual(exact(expected.length));
    expect(list.heldBack).toEqual(exact(2));
    expect(list.buckets).toEqual({
      overdue: exact(2),
      due_today: exact(3),
      new: exact(2),
      interested: exact(2),
      callback: exact(1),
      stale: exact(1),
    });
    expect(list.nextCursor).toBeNull();
    expect(list.rows.map((r) => r.bucket)).toEqual([
      "overdue",
      "overdue",
      "due_today",
      "due_today",
      "due_today",
      "new",
      "new",
      "interested",
      "interested",
      "callback",
      "stale",
    ]);
    expect(list.rows[0].reason).toBe("Follow-up overdue since Mon, Nov 16");
    expect(list.rows[4].reason).toBe("Follow-up due today at 3:00 PM");
    expect(list.rows[5].reason).toBe("New lead, never called — claimed 1 h ago");
    expect(list.rows[10].reason).toBe("No contact for 10 days");
    expect(list.rows[4].callStatus).toBe("Contacted");

    // The pure function (the documentation) and the SQL query agree on the same rows.
    const { start, end } = zonedDayBounds(now, "America/Chicago");
    const fixture = await db.salesLead.findMany({
      where: { assignedAdminId: rep.id, status: { in: ["assigned", "in_progress"] } },
    });
    const pure = orderCallList(fixture, { now, dayStart: start, dayEnd: end, staleDays: 7 });
    expect(pure.map((x) => x.id)).toEqual(list.rows.map((r) => r.id));

    // Paging and the call-status filter come from the same query.
    const page1 = await getCallList(rep, { limit: 4 }, { now });
    const page2 = await getCallList(rep, { limit: 4, after: page1.nextCursor! }, { now });
    expect(page2.rows.map((r) => r.id)).toEqual(expected.slice(4, 8).map((k) => l[k].id));
    const interested = await getCallList(rep, { callStatus: "interested" }, { now });
    expect(interested.rows.map((r) => r.id)).toEqual([
      l.overdueNew.id,
      l.interestedLong.id,
      l.interestedRecent.id,
    ]);
    const notCalled = await getCallList(rep, { callStatus: "not_called" }, { now });
    expect(notCalled.rows.map((r) => r.id)).toEqual([l.newFresh.id, l.newOlder.id]);
    // Every call status is the same order filtered. The never-called bucket is read only without a
    // filter or for "not called": an outcome comes with a contact, so under any other it is empty.
    for (const s of CALL_STATUSES) {
      const filtered = await getCallList(rep, { callStatus: s.key }, { now });
      const want = pure.filter((x) => callStatusOf(x.lastCallOutcome) === s.key).map((x) => x.id);
      expect(filtered.rows.map((r) => r.id)).toEqual(want);
      const p = {
        repId: rep.id,
        now,
        dayStart: start,
        dayEnd: end,
        staleDays: 7,
        limit: 100,
        outcome: s.outcome,
      };
      expect(callListQuery(p).sql.includes("coalesce(l.assigned_at, l.created_at)")).toBe(s.outcome === null);
    }
  });

  it("holds back a lead called 30 minutes ago without a due follow-up, and shows it again after the hour", async () => {
    const { actor: rep } = await makeUser();
    const lead = await callLead(rep.id, { contact: -minutes(30), outcome: "callback" });
    const dueLead = await callLead(rep.id, {
      contact: -minutes(30),
      outcome: "callback",
      followUp: -minutes(1),
    });
    const list = await getCallList(rep, {}, { now });
    expect(list.rows.map((r) => r.id)).toEqual([dueLead.id]);
    expect(list.heldBack).toEqual(exact(1));
    const later = await getCallList(rep, {}, { now: at(minutes(31)) });
    expect(later.rows.map((r) => r.id)).toEqual([dueLead.id, lead.id]);
    expect(later.heldBack).toEqual(exact(0));
  });

  it("is one's own: another rep's list is the manager's to see", async () => {
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const lead = await callLead(other.id, { assigned: -hours(1) });
    await expect(getCallList(rep, { repId: other.id })).rejects.toMatchObject({ status: 404 });
    expect((await getCallList(manager, { repId: other.id }, { now })).rows.map((r) => r.id)).toEqual([
      lead.id,
    ]);
    await expect(getCallList(rep, { limit: 0 })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "limit" })],
    });
  });

  it("plans its statement once per connection and reuses that generic plan", async () => {
    // Left to choose, PostgreSQL planned it anew on every call at 1 000 000 leads (planning cost
    // more than running it); get-call-list.ts forces the generic plan for this statement only.
    const { actor: rep } = await makeUser();
    await callLead(rep.id, { assigned: -hours(1) });
    for (let i = 0; i < 3; i++) await getCallList(rep, {}, { now });
    // pg-pool lends the connection released last: the one the calls above ran on.
    const client = await dbPool().connect();
    try {
      const { rows } = await client.query<{ generic_plans: string; custom_plans: string }>(
        "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'call\\_list\\_%'",
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => Number(r.custom_plans))).toEqual(rows.map(() => 0));
      expect(rows.reduce((n, r) => n + Number(r.generic_plans), 0)).toBeGreaterThanOrEqual(3);
      // Prisma's own statements on the connection keep their custom plans: the setting was local.
      const { rows: mode } = await client.query<{ plan_cache_mode: string }>("SHOW plan_cache_mode");
      expect(mode[0].plan_cache_mode).toBe("auto");
    } finally {
      client.release();
    }
  });
});
