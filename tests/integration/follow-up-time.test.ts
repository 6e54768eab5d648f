// Follow-ups with a time: the action form's day + time, the seed endpoint, snooze through the lead
// rules with its timeline entry, and the overdue list (a rep's own, the manager's of every rep),
// on real PostgreSQL in the company zone (default America/Chicago).
import { db } from "@/lib/db";
import { POST as addActionRoute } from "@/app/admin/crm/add-action/[id]/route";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { snoozeFollowUp } from "@/lib/leads/snooze-follow-up";
import { voidSalesAction } from "@/lib/leads/void-sales-action";
import { listOverdueFollowUps } from "@/lib/follow-ups/list-overdue-follow-ups";
import { listLeads } from "@/lib/leads/list-leads";
import { getFollowUps } from "@/lib/leads/get-follow-ups";
import { DEFAULT_TIME_ZONE, followUpShortcut, zonedDateAfter, zonedDayBounds } from "@/lib/kernel/zoned-time";
import { makeLead, makeUser } from "../fixtures/factories";
import { params, routeRequest } from "../fixtures/route-request";

const TZ = DEFAULT_TIME_ZONE;
const HOUR = 3_600_000;
const lead = (id: number) => db.salesLead.findUniqueOrThrow({ where: { id } });

describe("a follow-up with a time", () => {
  it("is stored at that company time and marked timed; a date alone stays 'any time that day'", async () => {
    const { actor: rep } = await makeUser();
    const l = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    // The next spring change is Sunday Mar 14 2027: 9:30 on the Saturday is CST, on the Monday CDT.
    await addSalesAction(rep, { lead_id: l.id, action_type: "call", outcome: "callback", follow_up_date: "2027-03-13", follow_up_time: "09:30" });
    expect(await lead(l.id)).toMatchObject({ nextFollowUpAt: new Date("2027-03-13T15:30:00Z"), nextFollowUpHasTime: true });
    await addSalesAction(rep, { lead_id: l.id, action_type: "call", outcome: "callback", follow_up_date: "2027-03-15", follow_up_time: "09:30" });
    expect(await lead(l.id)).toMatchObject({ nextFollowUpAt: new Date("2027-03-15T14:30:00Z"), nextFollowUpHasTime: true });
    const action = await addSalesAction(rep, { lead_id: l.id, action_type: "email", follow_up_date: "2027-03-15" });
    expect(await lead(l.id)).toMatchObject({ nextFollowUpAt: new Date("2027-03-15T14:00:00Z"), nextFollowUpHasTime: false });
    expect(await db.salesAction.findUniqueOrThrow({ where: { id: action.action_id } })).toMatchObject({ followUpHasTime: false });
    // Keeping the follow-up keeps its kind; undoing the action restores the timed one before it.
    const kept = await addSalesAction(rep, { lead_id: l.id, action_type: "text", keep_follow_up: true });
    expect(kept).toMatchObject({ next_follow_up_has_time: false });
    await voidSalesAction(rep, { action_id: kept.action_id });
    await voidSalesAction(rep, { action_id: action.action_id });
    expect(await lead(l.id)).toMatchObject({ nextFollowUpAt: new Date("2027-03-15T14:30:00Z"), nextFollowUpHasTime: true });
  });

  it("refuses a time without a day, and a malformed time, naming the field", async () => {
    const { actor: rep } = await makeUser();
    const l = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    await expect(addSalesAction(rep, { lead_id: l.id, action_type: "email", follow_up_time: "09:30" })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "follow_up_date" })],
    });
    await expect(addSalesAction(rep, { lead_id: l.id, action_type: "email", follow_up_date: "2027-03-15", follow_up_time: "25:00" })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "follow_up_time" })],
    });
  });

  it("arrives through the seed's add-action endpoint as JSON", async () => {
    const { user } = await makeUser();
    const l = await makeLead({ status: "assigned", assignedAdminId: user.id });
    const res = await addActionRoute(
      await routeRequest(`/admin/crm/add-action/${l.id}`, {
        userId: user.id,
        json: { action_type: "meeting", outcome: "interested", follow_up_date: "2027-01-05", follow_up_time: "14:15" },
      }),
      params({ id: String(l.id) }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ next_follow_up_at: "2027-01-05T20:15:00.000Z", next_follow_up_has_time: true });
  });
});

describe("snoozing a follow-up", () => {
  it("moves it to the kernel's shortcut and writes a timeline entry; the status and last contact stay", async () => {
    const { actor: rep } = await makeUser();
    const due = new Date(Date.now() - HOUR);
    const l = await makeLead({ status: "in_progress", assignedAdminId: rep.id, nextFollowUpAt: due });
    const now = new Date();
    for (const to of ["1h", "tomorrow9", "monday"] as const) {
      const before = await lead(l.id);
      const snap = await snoozeFollowUp(rep, { lead_id: l.id, to }, { now });
      const pick = followUpShortcut(to, now, TZ);
      expect(snap).toMatchObject({ status: "in_progress", next_follow_up_at: pick.at.toISOString(), next_follow_up_has_time: pick.time !== null });
      const after = await lead(l.id);
      expect(after.lastContactAt).toEqual(before.lastContactAt);
      const event = await db.leadEvent.findFirstOrThrow({ where: { leadId: l.id, type: "follow_up_snoozed" }, orderBy: { id: "desc" } });
      expect(event).toMatchObject({ actorId: rep.id, data: { to, from_at: before.nextFollowUpAt!.toISOString(), follow_up_at: pick.at.toISOString() } });
    }
    expect(await db.salesAction.count({ where: { leadId: l.id } })).toBe(0);
  });

  it("is the holder's or the manager's, on an open lead with a follow-up", async () => {
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const due = new Date(Date.now() + HOUR);
    const held = await makeLead({ status: "assigned", assignedAdminId: rep.id, nextFollowUpAt: due });
    await expect(snoozeFollowUp(other, { lead_id: held.id, to: "1h" })).rejects.toMatchObject({ status: 403 });
    await expect(snoozeFollowUp(manager, { lead_id: held.id, to: "tomorrow9" })).resolves.toMatchObject({ id: held.id });
    const none = await makeLead({ status: "assigned", assignedAdminId: rep.id });
    await expect(snoozeFollowUp(rep, { lead_id: none.id, to: "1h" })).rejects.toMatchObject({ status: 409, message: "This lead has no follow-up to snooze." });
    const lost = await makeLead({ status: "lost", assignedAdminId: rep.id, nextFollowUpAt: due });
    await expect(snoozeFollowUp(rep, { lead_id: lost.id, to: "1h" })).rejects.toMatchObject({ status: 409 });
    await expect(snoozeFollowUp(rep, { lead_id: 2_000_000_000, to: "1h" })).rejects.toMatchObject({ status: 404 });
    await expect(snoozeFollowUp(rep, { lead_id: held.id, to: "3d" as never })).rejects.toMatchObject({ status: 400 });
  });
});

describe("the overdue list", () => {
  async function setFollowUp(id: number, at: Date, hasTime: boolean) {
    await db.salesLead.update({ where: { id }, data: { nextFollowUpAt: at, nextFollowUpHasTime: hasTime } });
  }

  it("holds timed follow-ups past their time and date-only ones past their day, oldest first", async () => {
    const { actor: rep, user } = await makeUser();
    const now = new Date();
    const today = zonedDayBounds(now, TZ);
    const yesterday9 = new Date(today.start.getTime() - 15 * HOUR);
    const make = async (at: Date, hasTime: boolean, status: "in_progress" | "converted" = "in_progress") => {
      const l = await makeLead({ status, assignedAdminId: rep.id });
      await setFollowUp(l.id, at, hasTime);
      return l.id;
    };
    const timedPast = await make(new Date(now.getTime() - 60_000), true);
    const dayPast = await make(yesterday9, false);
    await make(new Date(now.getTime() + HOUR), true); // timed, not yet
    await make(new Date(today.start.getTime() + 60_000), false); // today, any time: not late before midnight
    await make(yesterday9, false, "converted"); // closed: nothing to follow up
    const mine = await listOverdueFollowUps(rep);
    expect(mine.items.map((i) => i.leadId)).toEqual([dayPast, timedPast]);
    expect(mine.total).toBe(2);
    expect(mine.items[0]).toMatchObject({ hasTime: false, repId: user.id, repName: user.name, nextFollowUpAt: yesterday9.toISOString() });
  });

  it("shows a rep only their own, and the manager every rep's or one rep's", async () => {
    const { actor: a, user: ua } = await makeUser();
    const { actor: b, user: ub } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const la = await makeLead({ status: "assigned", assignedAdminId: ua.id, nextFollowUpAt: new Date(Date.now() - HOUR) });
    const lb = await makeLead({ status: "assigned", assignedAdminId: ub.id, nextFollowUpAt: new Date(Date.now() - 2 * HOUR) });
    await setFollowUp(la.id, new Date(Date.now() - HOUR), true);
    await setFollowUp(lb.id, new Date(Date.now() - 2 * HOUR), true);
    expect((await listOverdueFollowUps(a)).items.map((i) => i.leadId)).toEqual([la.id]);
    // A rep naming another rep still gets their own.
    expect((await listOverdueFollowUps(b, { repId: ua.id })).items.map((i) => i.leadId)).toEqual([lb.id]);
    const all = (await listOverdueFollowUps(manager, { limit: 500 })).items.map((i) => i.leadId);
    expect(all).toEqual(expect.arrayContaining([la.id, lb.id]));
    expect((await listOverdueFollowUps(manager, { repId: ub.id })).items.map((i) => i.leadId)).toEqual([lb.id]);
  });

  it("is served by the open-follow-up index", async () => {
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT l.id FROM sales_leads l
        WHERE l.status IN ('assigned', 'in_progress') AND l.next_follow_up_at IS NOT NULL
          AND l.next_follow_up_at < now() AND l.next_follow_up_has_time
        ORDER BY l.next_follow_up_at, l.id LIMIT 100`;
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("sales_leads_open_follow_up_idx");
  });

  it("counts a date-only follow-up as due until its company day ends", async () => {
    const { actor: rep } = await makeUser();
    const tomorrow = zonedDateAfter(new Date(), 1, TZ);
    const l = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    await addSalesAction(rep, { lead_id: l.id, action_type: "call", outcome: "voicemail", follow_up_date: tomorrow });
    expect((await listOverdueFollowUps(rep)).items).toEqual([]);
  });
});

describe("the rep's lists say whether a follow-up has a time", () => {
  // A date-only follow-up is stored at 9:00 company time; the dashboard and the leads table must
  // not print that 9:00 as if the rep had chosen it.
  it("carries the flag to the leads list and the dashboard's follow-ups", async () => {
    const { actor: rep } = await makeUser();
    const now = new Date();
    const dateOnly = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    const timed = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    await db.salesLead.update({ where: { id: dateOnly.id }, data: { nextFollowUpAt: new Date(now.getTime() - 60_000), nextFollowUpHasTime: false } });
    await db.salesLead.update({ where: { id: timed.id }, data: { nextFollowUpAt: new Date(now.getTime() - 120_000), nextFollowUpHasTime: true } });

    const list = await listLeads(rep, { filter: { assigned: "me" } });
    const flags = Object.fromEntries(list.rows.map((r) => [r.id, r.nextFollowUpHasTime]));
    expect(flags).toEqual({ [dateOnly.id]: false, [timed.id]: true });

    const due = await getFollowUps(rep);
    expect(Object.fromEntries(due.items.map((f) => [f.id, f.nextFollowUpHasTime]))).toEqual({ [dateOnly.id]: false, [timed.id]: true });
  });
});
