// Cover while away (issue 21): an away period puts the away rep's due follow-ups on the cover's
// call list, marked, lets the cover work them, makes auto-assignment skip the away rep, and ends
// by itself (computed at read time: the call list with a later clock shows them no more). Bad or
// overlapping periods are 400 and write nothing; setting and ending one is audited.
import { db } from "@/lib/db";
import { setAwayPeriod } from "@/lib/away/set-away-period";
import { endAwayPeriod } from "@/lib/away/end-away-period";
import { listAwayPeriods } from "@/lib/away/list-away-periods";
import { getCallList } from "@/lib/calls/get-call-list";
import { lockLeadForCall } from "@/lib/calls/lock-lead-for-call";
import { logCallOutcome } from "@/lib/calls/log-call-outcome";
import { releaseLead } from "@/lib/leads/release-lead";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { getLeadDetail } from "@/lib/leads/get-lead-detail";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { POST as addActionRoute } from "@/app/admin/crm/add-action/[id]/route";
import { params, routeRequest } from "../fixtures/route-request";
import { autoAssignLead } from "@/lib/territories/auto-assign-lead";
import { setTerritorySettings } from "@/lib/territories/set-territory-settings";
import { makeCompany, makeLead, makeUser } from "../fixtures/factories";
import { makeTerritory } from "../fixtures/calls";
import { runInOwnDatabase } from "../fixtures/own-database";

// Auto-assignment is a company-wide switch: this file flips it in a database of its own.
runInOwnDatabase("pilot_crm_test_away");

const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();

async function team() {
  const alex = await makeUser({ name: "Alex Away" });
  const sarah = await makeUser({ name: "Sarah Cover" });
  const manager = await makeUser({ role: "super_admin" });
  return { alex: alex.actor, sarah: sarah.actor, manager: manager.actor };
}

describe("an away period", () => {
  it("puts the away rep's due follow-ups on the cover's list, marked, and takes them off when it ends", async () => {
    const { alex, sarah } = await team();
    const now = new Date();
    const overdue = await makeLead({ status: "in_progress", assignedAdminId: alex.id, nextFollowUpAt: new Date(now.getTime() - 26 * HOUR) });
    const dueNow = await makeLead({ status: "in_progress", assignedAdminId: alex.id, nextFollowUpAt: new Date(now.getTime() - 60_000) });
    const later = await makeLead({ status: "in_progress", assignedAdminId: alex.id, nextFollowUpAt: new Date(now.getTime() + 72 * HOUR) });
    const fresh = await makeLead({ status: "assigned", assignedAdminId: alex.id }); // new, no follow-up: not a "due follow-up"
    const own = await makeLead({ status: "in_progress", assignedAdminId: sarah.id, nextFollowUpAt: new Date(now.getTime() - 2 * HOUR) });

    const period = await setAwayPeriod(alex, { cover_user_id: sarah.id, starts_at: iso(new Date(now.getTime() - HOUR)), ends_at: iso(new Date(now.getTime() + 48 * HOUR)) }, now);

    const list = await getCallList(sarah, {}, { now });
    const ids = list.rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([overdue.id, dueNow.id, own.id]));
    expect(ids).not.toContain(later.id);
    expect(ids).not.toContain(fresh.id);
    expect(list.rows.find((r) => r.id === overdue.id)!.coveringFor).toEqual({ id: alex.id, name: "Alex Away" });
    expect(list.rows.find((r) => r.id === own.id)!.coveringFor).toBeNull();
    // Nothing changed owner; Alex's own list still has them (his manager sees the same).
    expect((await db.salesLead.findUniqueOrThrow({ where: { id: overdue.id } })).assignedAdminId).toBe(alex.id);
    expect((await getCallList(alex, {}, { now })).rows.map((r) => r.id)).toEqual(expect.arrayContaining([overdue.id, dueNow.id]));

    // The period ends: with a clock past its end the cover's list is hers alone again, with no step taken.
    const after = new Date(new Date(period.endsAt).getTime() + 60_000);
    const back = await getCallList(sarah, {}, { now: after });
    expect(back.rows.every((r) => r.coveringFor === null)).toBe(true);
    expect(back.rows.map((r) => r.id)).not.toContain(overdue.id);
    // And before it starts it is not there either.
    const before = new Date(new Date(period.startsAt).getTime() - 60_000);
    expect((await getCallList(sarah, {}, { now: before })).rows.map((r) => r.id)).not.toContain(overdue.id);
  });

  it("lets the cover call and log a covered lead, but not release it; the lead stays the away rep's", async () => {
    const { alex, sarah } = await team();
    const { actor: other } = await makeUser();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id, nextFollowUpAt: new Date(Date.now() - HOUR) });
    await expect(lockLeadForCall(sarah, { leadId: lead.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setAwayPeriod(alex, { cover_user_id: sarah.id, starts_at: iso(new Date(Date.now() - HOUR)), ends_at: iso(new Date(Date.now() + HOUR)) });

    await expect(lockLeadForCall(sarah, { leadId: lead.id })).resolves.toMatchObject({ leadId: lead.id });
    const saved = await logCallOutcome(sarah, { leadId: lead.id, outcome: "answered", followUp: "none" });
    expect(saved.actionId).toEqual(expect.any(Number));
    expect((await db.salesAction.findUniqueOrThrow({ where: { id: saved.actionId } })).adminId).toBe(sarah.id);
    await expect(releaseLead(sarah, { lead_id: lead.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lockLeadForCall(other, { leadId: lead.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).assignedAdminId).toBe(alex.id);
  });

  it("lets the cover log actions from the lead page while the holder is away, as themself and marked; refused again after", async () => {
    const { alex, sarah, manager } = await team();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id, nextFollowUpAt: new Date(Date.now() - HOUR) });
    const logAction = async (userId: number, json: Record<string, unknown>) => {
      const res = await addActionRoute(await routeRequest(`/admin/crm/add-action/${lead.id}`, { userId, json }), params({ id: String(lead.id) }));
      return { status: res.status, body: await res.json() };
    };
    const meeting = { action_type: "meeting", outcome: "interested", notes: "Met at the yard", follow_up_date: iso(new Date(Date.now() + 7 * 24 * HOUR)).slice(0, 10) };

    // Before the period: the lead page offers Sarah nothing, and the endpoint refuses her.
    expect(await getLeadDetail(sarah, { lead_id: lead.id })).toMatchObject({ coveringFor: null, may: { act: false, snooze: false } });
    expect((await logAction(sarah.id, meeting)).status).toBe(403);

    const period = await setAwayPeriod(alex, { cover_user_id: sarah.id, starts_at: iso(new Date(Date.now() - HOUR)), ends_at: iso(new Date(Date.now() + 48 * HOUR)) });
    const during = await getLeadDetail(sarah, { lead_id: lead.id });
    expect(during.coveringFor).toEqual({ id: alex.id, name: "Alex Away", until: new Date(period.endsAt).toISOString() });
    // The `cover` cells only: log and snooze, never release, convert or lose.
    expect(during.may).toMatchObject({ act: true, snooze: true, release: false, convert: false, markLost: false, email: false });
    expect((await getLeadDetail(manager, { lead_id: lead.id })).coveringFor).toBeNull();

    const logged = await logAction(sarah.id, meeting);
    expect(logged.status).toBe(200);
    expect(logged.body).toMatchObject({ id: lead.id, assigned_admin_id: alex.id, status: "in_progress" });
    const action = await db.salesAction.findFirstOrThrow({ where: { leadId: lead.id }, orderBy: { id: "desc" } });
    expect(action).toMatchObject({ adminId: sarah.id, coveringForId: alex.id, actionType: "meeting", outcome: "interested", notes: "Met at the yard" });
    expect((await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).nextFollowUpAt).not.toBeNull();
    const timeline = await getLeadTimeline(sarah, { lead_id: lead.id });
    expect(timeline.items.find((i) => i.kind === "action")).toMatchObject({ actorName: "Sarah Cover", data: expect.objectContaining({ covering_for: "Alex Away" }) });
    // The holder's own work is not marked.
    const own = await addSalesAction(alex, { lead_id: lead.id, action_type: "call", outcome: "voicemail" });
    expect((await db.salesAction.findUniqueOrThrow({ where: { id: own.action_id } })).coveringForId).toBeNull();

    // The period ends: no form, no "covering for", and the endpoint refuses her again; nothing written.
    await endAwayPeriod(alex, { id: period.id });
    expect(await getLeadDetail(sarah, { lead_id: lead.id })).toMatchObject({ coveringFor: null, may: { act: false, snooze: false } });
    const count = await db.salesAction.count({ where: { leadId: lead.id } });
    const after = await logAction(sarah.id, meeting);
    expect(after).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN", message: "This lead is assigned to someone else." } } });
    expect(await db.salesAction.count({ where: { leadId: lead.id } })).toBe(count);
  });

  it("makes auto-assignment skip the away rep while it runs, and include them again after", async () => {
    const { alex, sarah, manager } = await team();
    await makeTerritory(["WY"], [alex.id, sarah.id]);
    await setTerritorySettings(manager, { autoAssignEnabled: true, autoAssignCap: 1000 });
    const newLead = async () => {
      const company = await makeCompany();
      return db.$transaction(async (tx) => {
        const lead = await tx.salesLead.create({ data: { companyId: company.id, leadSource: "load_plan", states: ["WY"] } });
        return autoAssignLead(tx, lead.id);
      });
    };
    const p = await setAwayPeriod(manager, { user_id: alex.id, cover_user_id: sarah.id, starts_at: iso(new Date(Date.now() - HOUR)), ends_at: iso(new Date(Date.now() + HOUR)) });
    const picks = [];
    for (let i = 0; i < 4; i++) picks.push((await newLead())?.userId);
    expect(picks).toEqual([sarah.id, sarah.id, sarah.id, sarah.id]);

    await endAwayPeriod(alex, { id: p.id });
    const again = [];
    for (let i = 0; i < 2; i++) again.push((await newLead())?.userId);
    expect(again).toContain(alex.id);
    await setTerritorySettings(manager, { autoAssignEnabled: false });
  });

  it("refuses bad and overlapping periods with 400 and writes nothing", async () => {
    const { alex, sarah, manager } = await team();
    const { actor: mike } = await makeUser();
    const { actor: gone } = await makeUser({ active: false });
    const now = new Date("2026-12-07T15:00:00Z");
    const set = (actor: typeof alex, input: Parameters<typeof setAwayPeriod>[1]) => setAwayPeriod(actor, input, now);
    await set(alex, { cover_user_id: sarah.id, starts_at: "2026-12-08", ends_at: "2026-12-10" });
    const count = () => db.userAwayPeriod.count({ where: { userId: { in: [alex.id, sarah.id, mike.id] } } });
    expect(await count()).toBe(1);

    const cases: [typeof alex, Parameters<typeof setAwayPeriod>[1], string][] = [
      [alex, { cover_user_id: sarah.id, starts_at: "2026-12-12", ends_at: "2026-12-11" }, "ends_at"],
      [alex, { cover_user_id: sarah.id, starts_at: "2026-12-01", ends_at: "2026-12-06" }, "ends_at"], // already over
      [alex, { cover_user_id: alex.id, starts_at: "2026-12-20", ends_at: "2026-12-21" }, "cover_user_id"],
      [alex, { cover_user_id: gone.id, starts_at: "2026-12-20", ends_at: "2026-12-21" }, "cover_user_id"],
      [alex, { cover_user_id: mike.id, starts_at: "2026-12-10", ends_at: "2026-12-12" }, "starts_at"], // overlaps his own
      [mike, { cover_user_id: alex.id, starts_at: "2026-12-09", ends_at: "2026-12-09" }, "cover_user_id"], // cover away then
      [sarah, { cover_user_id: mike.id, starts_at: "2026-12-09", ends_at: "2026-12-09" }, "starts_at"], // she covers Alex then
      [alex, { cover_user_id: sarah.id, starts_at: "2026-02-30", ends_at: "2026-12-21" }, "starts_at"],
      [alex, { cover_user_id: sarah.id, starts_at: "2026-12-20", ends_at: "2028-12-21" }, "ends_at"],
    ];
    for (const [actor, input, path] of cases) {
      const err = await set(actor, input).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "BAD_REQUEST", issues: expect.arrayContaining([expect.objectContaining({ path })]) });
    }
    await expect(setAwayPeriod.fromRequest(alex, { cover_user_id: "x", starts_at: "soon" })).rejects.toMatchObject({ status: 400 });
    // A rep sets their own only; the manager anyone's.
    await expect(set(mike, { user_id: alex.id, cover_user_id: sarah.id, starts_at: "2026-12-20", ends_at: "2026-12-21" })).rejects.toMatchObject({ status: 403 });
    expect(await count()).toBe(1);
    // Back to back is not an overlap: a period ending at 00:00 and one starting then.
    await expect(set(manager, { user_id: alex.id, cover_user_id: mike.id, starts_at: "2026-12-11", ends_at: "2026-12-11" })).resolves.toMatchObject({ userId: alex.id });
    expect(await count()).toBe(2);
  });

  it("is read by every user, ended by its rep or the manager (404 for another rep), and audited", async () => {
    const { alex, sarah, manager } = await team();
    const now = new Date();
    const running = await setAwayPeriod(alex, { cover_user_id: sarah.id, starts_at: iso(new Date(now.getTime() - HOUR)), ends_at: iso(new Date(now.getTime() + 5 * HOUR)), note: "Dentist" });
    const future = await setAwayPeriod(manager, { user_id: alex.id, cover_user_id: sarah.id, starts_at: iso(new Date(now.getTime() + 24 * HOUR)), ends_at: iso(new Date(now.getTime() + 48 * HOUR)) });

    const seen = await listAwayPeriods(sarah, { now });
    expect(seen.find((p) => p.id === running.id)).toMatchObject({ user: { id: alex.id }, cover: { id: sarah.id }, current: true, mayEnd: false, note: "Dentist" });
    expect(seen.find((p) => p.id === future.id)).toMatchObject({ current: false });
    expect((await listAwayPeriods(sarah, { now, currentOnly: true })).map((p) => p.id)).not.toContain(future.id);

    await expect(endAwayPeriod(sarah, { id: running.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(endAwayPeriod(manager, { id: future.id })).resolves.toMatchObject({ withdrawn: true });
    await expect(endAwayPeriod(alex, { id: running.id })).resolves.toMatchObject({ withdrawn: false });
    expect((await db.userAwayPeriod.findUniqueOrThrow({ where: { id: running.id } })).endsAt.getTime()).toBeLessThanOrEqual(Date.now());
    await expect(endAwayPeriod(alex, { id: running.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const audit = await db.auditLog.findMany({ where: { targetType: "user", targetId: String(alex.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["away.set", alex.id],
      ["away.set", manager.id],
      ["away.ended", manager.id],
      ["away.ended", alex.id],
    ]);
    expect(audit[0].after).toMatchObject({ period_id: running.id, cover_user_id: sarah.id });
    expect(audit[2].after).toEqual({ withdrawn: true });
  });
});
