import { db } from "@/lib/db";
import { getCallList } from "@/lib/calls/get-call-list";
import { lockLeadForCall } from "@/lib/calls/lock-lead-for-call";
import { logCallOutcome } from "@/lib/calls/log-call-outcome";
import { zonedDaysLater } from "@/lib/kernel/zoned-time";
import { makeLead, makeUser } from "../fixtures/factories";

describe("saving a call from the call list", () => {
  it("logs the call through the lead workflow, books the follow-up at 9:00 company time and clears the lock", async () => {
    const { actor: rep } = await makeUser();
    const lead = await makeLead({ status: "assigned", assignedAdminId: rep.id });
    await lockLeadForCall(rep, { leadId: lead.id });
    expect((await getCallList(rep)).rows.map((r) => r.id)).toContain(lead.id);

    await logCallOutcome(rep, {
      leadId: lead.id,
      outcome: "voicemail",
      notes: "Left a message",
      followUp: "tomorrow",
    });

    const action = await db.salesAction.findFirstOrThrow({ where: { leadId: lead.id } });
    expect(action).toMatchObject({
      adminId: rep.id,
      actionType: "call",
      outcome: "voicemail",
      notes: "Left a message",
    });
    const row = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row).toMatchObject({
      status: "in_progress",
      lastCallOutcome: "voicemail",
      callLockedById: null,
      callLockedUntil: null,
    });
    expect(row.nextFollowUpAt?.toISOString()).toBe(
      zonedDaysLater(new Date(), 1, 9, "America/Chicago").toISOString(),
    );
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "action_logged" } })).toBe(1);
    // Just called, follow-up tomorrow: off today's list.
    expect((await getCallList(rep)).rows.map((r) => r.id)).not.toContain(lead.id);
  });

  it("takes a custom date, and refuses a custom pick without one or someone else's lead, writing nothing", async () => {
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    await expect(
      logCallOutcome(rep, { leadId: lead.id, outcome: "callback", followUp: "custom" }),
    ).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "followUpDate" })],
    });
    await expect(logCallOutcome(rep, { leadId: lead.id, outcome: "hung_up" as never })).rejects.toMatchObject(
      { status: 400 },
    );
    await expect(logCallOutcome(other, { leadId: lead.id, outcome: "answered" })).rejects.toMatchObject({
      status: 403,
    });
    expect(await db.salesAction.count({ where: { leadId: lead.id } })).toBe(0);

    const year = new Date().getUTCFullYear() + 1;
    await logCallOutcome(rep, {
      leadId: lead.id,
      outcome: "callback",
      followUp: "custom",
      followUpDate: `${year}-03-14`,
    });
    const row = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row.nextFollowUpAt?.toISOString()).toBe(`${year}-03-14T14:00:00.000Z`); // 09:00 CDT
    expect(row.lastCallOutcome).toBe("callback");
  });
});
