// The rep's calendar feed through its real route (no session): follow-ups and meetings as
// ical-generator writes them, read back with node-ical (an independent parser), with times
// checked across the spring 2027 daylight-saving change; the secret URL rotates.
import ical, { type VEvent } from "node-ical";
import { db } from "@/lib/db";
import { GET as calendarRoute } from "@/app/api/calendar/[file]/route";
import { rotateCalendarToken } from "@/lib/calendar/rotate-calendar-token";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { makeCompany, makeLead, makeUser } from "../fixtures/factories";
import { routeRequest } from "../fixtures/route-request";

async function fetchFeed(path: string) {
  const file = path.replace("/api/calendar/", "");
  const res = await calendarRoute(await routeRequest(path), { params: Promise.resolve({ file }) });
  return { status: res.status, type: res.headers.get("content-type"), cache: res.headers.get("cache-control"), body: await res.text() };
}
function events(body: string): VEvent[] {
  return Object.values(ical.sync.parseICS(body)).filter((c): c is VEvent => c.type === "VEVENT");
}
async function heldLead(repId: number, name: string) {
  const company = await makeCompany({ name, phone: "+1 512 555 0100" });
  return makeLead({ companyId: company.id, status: "in_progress", assignedAdminId: repId });
}

describe("GET /api/calendar/<token>.ics", () => {
  it("lists the rep's follow-ups: timed ones in the company zone across the DST change, date-only ones all day", async () => {
    const { actor: rep, user } = await makeUser();
    const { actor: other, user: otherUser } = await makeUser();
    const before = await heldLead(user.id, "Saturday Haul");
    const after = await heldLead(user.id, "Monday Haul");
    const allDay = await heldLead(user.id, "Sunday Haul");
    const meeting = await heldLead(user.id, "Meeting Haul");
    const notMine = await heldLead(otherUser.id, "Other Rep Haul");
    // Sunday Mar 14 2027 the clocks go forward in Chicago: 9:30 is 15:30 UTC on the Saturday, 14:30 on the Monday.
    await addSalesAction(rep, { lead_id: before.id, action_type: "call", outcome: "callback", follow_up_date: "2027-03-13", follow_up_time: "09:30" });
    await addSalesAction(rep, { lead_id: after.id, action_type: "call", outcome: "callback", follow_up_date: "2027-03-15", follow_up_time: "09:30" });
    await addSalesAction(rep, { lead_id: allDay.id, action_type: "email", follow_up_date: "2027-03-14" });
    await addSalesAction(rep, { lead_id: meeting.id, action_type: "meeting", follow_up_date: "2027-03-16", follow_up_time: "13:00" });
    await addSalesAction(other, { lead_id: notMine.id, action_type: "email", follow_up_date: "2027-03-14" });
    await makeLead({ status: "converted", assignedAdminId: user.id, nextFollowUpAt: new Date("2027-03-15T15:00:00Z") });

    const { path } = await rotateCalendarToken(rep, {});
    const res = await fetchFeed(path);
    expect(res).toMatchObject({ status: 200, type: "text/calendar; charset=utf-8", cache: "private, no-store" });
    expect(res.body).toContain("DTSTART;TZID=America/Chicago:20270313T093000");
    const byUid = Object.fromEntries(events(res.body).map((e) => [e.uid, e]));
    expect(Object.keys(byUid).sort()).toEqual([before.id, after.id, allDay.id, meeting.id].map((id) => `lead-${id}-follow-up@pilot-crm`).sort());

    const sat = byUid[`lead-${before.id}-follow-up@pilot-crm`];
    expect(sat.summary).toBe("Follow up: Saturday Haul");
    expect(sat.start.toISOString()).toBe("2027-03-13T15:30:00.000Z");
    expect(sat.start.tz).toBe("America/Chicago");
    expect(sat.end.toISOString()).toBe("2027-03-13T16:00:00.000Z");
    const mon = byUid[`lead-${after.id}-follow-up@pilot-crm`];
    expect(mon.start.toISOString()).toBe("2027-03-15T14:30:00.000Z");
    expect(mon.start.tz).toBe("America/Chicago");
    expect(String(mon.description)).toContain("+1 512 555 0100");

    const sun = byUid[`lead-${allDay.id}-follow-up@pilot-crm`];
    expect(sun.datetype).toBe("date");
    expect((sun.start as Date & { dateOnly?: boolean }).dateOnly).toBe(true);
    expect([sun.start.getFullYear(), sun.start.getMonth() + 1, sun.start.getDate()]).toEqual([2027, 3, 14]);
    expect(res.body).toContain("DTSTART;VALUE=DATE:20270314");

    const met = byUid[`lead-${meeting.id}-follow-up@pilot-crm`];
    expect(met.summary).toBe("Meeting: Meeting Haul");
    expect(met.start.toISOString()).toBe("2027-03-16T18:00:00.000Z");
  });

  it("keeps an event's UID when the follow-up moves, so calendars move it", async () => {
    const { actor: rep, user } = await makeUser();
    const l = await heldLead(user.id, "Moving Haul");
    await addSalesAction(rep, { lead_id: l.id, action_type: "call", outcome: "callback", follow_up_date: "2027-02-01", follow_up_time: "08:00" });
    const { path } = await rotateCalendarToken(rep, {});
    const first = events((await fetchFeed(path)).body);
    await addSalesAction(rep, { lead_id: l.id, action_type: "call", outcome: "callback", follow_up_date: "2027-02-02", follow_up_time: "11:45" });
    const second = events((await fetchFeed(path)).body);
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(second[0].start.toISOString()).toBe("2027-02-02T17:45:00.000Z");
  });

  it("stops answering the old URL once the rep rotates it; unknown, malformed and deactivated ones are 404", async () => {
    const { actor: rep, user } = await makeUser();
    const old = await rotateCalendarToken(rep, {});
    expect((await fetchFeed(old.path)).status).toBe(200);
    const fresh = await rotateCalendarToken(rep, {});
    expect(fresh.path).not.toBe(old.path);
    expect(fresh.path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await fetchFeed(old.path)).toMatchObject({ status: 404, body: expect.not.stringContaining("VCALENDAR") });
    expect((await fetchFeed(fresh.path)).status).toBe(200);
    expect((await fetchFeed(`/api/calendar/${"A".repeat(43)}.ics`)).status).toBe(404);
    expect((await fetchFeed("/api/calendar/short.ics")).status).toBe(404);
    expect((await fetchFeed(fresh.path.replace(".ics", ".txt"))).status).toBe(404);
    // Only the hash is stored: the token itself is nowhere in the database.
    const token = fresh.path.slice("/api/calendar/".length, -4);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.calendarTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.calendarTokenHash).not.toContain(token);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "user.calendar_feed_rotated" } })).toBe(2);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await fetchFeed(fresh.path)).status).toBe(404);
  });
});
