import { db } from "@/lib/db";
import { getRepCallMetrics } from "@/lib/calls/get-rep-call-metrics";
import { makeLead, makeUser } from "../fixtures/factories";
import { days, hours, logCall } from "../fixtures/calls";

// Wednesday Nov 18 2026, noon in Chicago: today began 06:00 UTC, the week on Monday the 16th.
const now = new Date("2026-11-18T18:00:00Z");
const at = (offset: number) => new Date(now.getTime() + offset);

describe("rep call metrics", () => {
  it("counts calls today and this week, connects, interest, follow-ups kept and conversion", async () => {
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    await makeLead({ status: "assigned", assignedAdminId: rep.id });
    await makeLead({ status: "lost", assignedAdminId: rep.id });
    await makeLead({ status: "converted", assignedAdminId: rep.id });

    await logCall(lead.id, rep.id, at(-hours(1)), "answered");
    await logCall(lead.id, rep.id, at(-hours(2)), "voicemail");
    await logCall(lead.id, rep.id, at(-days(1)), "interested"); // Tuesday
    await logCall(lead.id, rep.id, at(-days(2)), "callback"); // Monday
    await logCall(lead.id, rep.id, at(-days(3)), "no_answer"); // Sunday: last week
    await logCall(lead.id, other.id, at(-hours(3)), "interested"); // someone else's call
    await db.salesAction.create({
      data: { leadId: lead.id, adminId: rep.id, actionType: "email", createdAt: at(-hours(4)) },
    });

    // Two follow-ups fell due in the last 7 days: one kept (a call the same day), one missed.
    const kept = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    await logCall(kept.id, rep.id, at(-days(6)), "voicemail", at(-days(4))); // due Sat Nov 14
    await logCall(kept.id, rep.id, at(-days(4) + hours(2)), "answered");
    const missed = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    await logCall(missed.id, rep.id, at(-days(6)), "callback", at(-days(5))); // due Fri Nov 13
    await logCall(missed.id, rep.id, at(-days(3) - hours(12)), "no_answer"); // Sun 00:00: a day late
    const longAgo = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    await logCall(longAgo.id, rep.id, at(-days(12)), "callback", at(-days(10))); // due before the 7-day window

    const m = await getRepCallMetrics(rep, {}, { now });
    expect(m).toEqual({
      callsToday: 2,
      callsThisWeek: 4,
      connectsThisWeek: 3,
      interestedThisWeek: 1,
      interestRatePct: 25,
      followUpsDue: 2,
      followUpsKept: 1,
      followUpsKeptPct: 50,
      leadsAssigned: 7,
      converted: 1,
      conversionRatePct: 14.3,
    });
  });

  it("gives zeros, not NaN, to a rep with nothing yet, and is the rep's own", async () => {
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const m = await getRepCallMetrics(rep);
    expect(m).toMatchObject({
      callsToday: 0,
      interestRatePct: null,
      followUpsKeptPct: null,
      conversionRatePct: null,
    });
    await expect(getRepCallMetrics(rep, { repId: other.id })).rejects.toMatchObject({ status: 404 });
    await expect(getRepCallMetrics(manager, { repId: other.id })).resolves.toMatchObject({ callsToday: 0 });
  });
});
