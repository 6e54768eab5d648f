import { db } from "@/lib/db";
import { getCallList } from "@/lib/calls/get-call-list";
import { getRepCallMetrics } from "@/lib/calls/get-rep-call-metrics";
import { logCallOutcome } from "@/lib/calls/log-call-outcome";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { UNDO_WINDOW_MS, voidSalesAction } from "@/lib/leads/void-sales-action";
import { logCall } from "../fixtures/calls";
import { makeLead, makeUser } from "../fixtures/factories";

// What a call changes on a lead, and what an undo must put back exactly.
async function leadState(id: number) {
  const l = await db.salesLead.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      nextFollowUpAt: true,
      lastContactAt: true,
      lastCallOutcome: true,
      lastActivityAt: true,
    },
  });
  return l;
}

describe("an outcome key on the call list", () => {
  it("keeps the lead's planned follow-up unless the rep picks another or none", async () => {
    const { actor: rep } = await makeUser();
    const planned = new Date(Date.now() + 3 * 86_400_000);
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id, nextFollowUpAt: planned });

    const kept = await logCallOutcome(rep, { leadId: lead.id, outcome: "voicemail" });
    expect(kept).toMatchObject({ followUpKept: true, followUpAt: planned.toISOString() });
    expect((await leadState(lead.id)).nextFollowUpAt?.toISOString()).toBe(planned.toISOString());

    const cleared = await logCallOutcome(rep, {
      leadId: lead.id,
      outcome: "not_interested",
      followUp: "none",
    });
    expect(cleared).toMatchObject({ followUpKept: false, followUpAt: null });
    expect((await leadState(lead.id)).nextFollowUpAt).toBeNull();
  });
});

describe("an outcome key on a lead whose follow-up is due", () => {
  it.each([
    { when: "overdue (yesterday)", offsetMs: -86_400_000 },
    { when: "due earlier today", offsetMs: -60_000 },
  ])("completes a follow-up $when, says which, and Undo brings it back exactly", async ({ offsetMs }) => {
    const { actor: rep } = await makeUser();
    const due = new Date(Date.now() + offsetMs);
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id, nextFollowUpAt: due });
    const before = await leadState(lead.id);
    const listBefore = (await getCallList(rep)).rows.find((r) => r.id === lead.id);
    expect(["overdue", "due_today"]).toContain(listBefore?.bucket);

    const saved = await logCallOutcome(rep, { leadId: lead.id, outcome: "voicemail" });
    expect(saved).toMatchObject({ followUpKept: false, followUpAt: null, followUpDone: due.toISOString() });
    expect((await leadState(lead.id)).nextFollowUpAt).toBeNull();
    const logged = await db.leadEvent.findFirstOrThrow({ where: { leadId: lead.id, type: "action_logged" } });
    expect(logged.data).toMatchObject({ follow_up_done_at: due.toISOString(), follow_up_at: null });
    // Called and done: off today's list (just contacted, nothing due), not pinned to its top.
    expect((await getCallList(rep)).rows.map((r) => r.id)).not.toContain(lead.id);

    await voidSalesAction(rep, { action_id: saved.actionId });
    expect(await leadState(lead.id)).toEqual(before);
  });

  it("keeps a follow-up planned after today", async () => {
    const { actor: rep } = await makeUser();
    const later = new Date(Date.now() + 2 * 86_400_000);
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id, nextFollowUpAt: later });
    const saved = await logCallOutcome(rep, { leadId: lead.id, outcome: "no_answer" });
    expect(saved).toMatchObject({ followUpKept: true, followUpAt: later.toISOString(), followUpDone: null });
  });
});

describe("undoing a sales action (voidSalesAction)", () => {
  it("puts the lead back exactly as it was, voids the action everywhere and records who undid it", async () => {
    const { actor: rep } = await makeUser();
    const planned = new Date(Date.now() + 2 * 86_400_000);
    const earlierCall = new Date(Date.now() - 3 * 86_400_000);
    const lead = await makeLead({
      status: "assigned",
      assignedAdminId: rep.id,
      nextFollowUpAt: planned,
      lastContactAt: earlierCall,
    });
    await db.salesLead.update({ where: { id: lead.id }, data: { lastCallOutcome: "no_answer" } });
    const previous = await logCall(lead.id, rep.id, earlierCall, "no_answer", planned);
    const before = await leadState(lead.id);
    const metricsBefore = await getRepCallMetrics(rep);

    const saved = await logCallOutcome(rep, { leadId: lead.id, outcome: "interested", followUp: "tomorrow" });
    expect(await leadState(lead.id)).not.toEqual(before);
    expect(
      (await db.salesAction.findUniqueOrThrow({ where: { id: previous.id } })).nextTouchAt,
    ).not.toBeNull();
    expect((await getRepCallMetrics(rep)).callsToday).toBe(metricsBefore.callsToday + 1);

    const restored = await voidSalesAction(rep, { action_id: saved.actionId });
    expect(restored).toMatchObject({ id: lead.id, status: "assigned" });
    expect(await leadState(lead.id)).toEqual(before);

    // The action stays, voided, and counts nowhere: the earlier call's follow-up is untouched again.
    const action = await db.salesAction.findUniqueOrThrow({ where: { id: saved.actionId } });
    expect(action.voidedAt).not.toBeNull();
    expect(action.voidedById).toBe(rep.id);
    expect((await db.salesAction.findUniqueOrThrow({ where: { id: previous.id } })).nextTouchAt).toBeNull();
    expect(await getRepCallMetrics(rep)).toEqual(metricsBefore);

    const events = await db.leadEvent.findMany({ where: { leadId: lead.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ["status_changed", "assigned", "in_progress"],
      ["action_logged", null, null],
      ["status_changed", "in_progress", "assigned"],
      ["action_voided", null, null],
    ]);
    expect(events[3]).toMatchObject({ actorId: rep.id, data: { action_id: saved.actionId } });
    const timeline = (await getLeadTimeline(rep, { lead_id: lead.id })).items;
    const shown = timeline.find((t) => t.key === `action-${saved.actionId}`);
    expect(shown?.data.voided_at).toBeTruthy();

    // A second undo is refused and changes nothing.
    await expect(voidSalesAction(rep, { action_id: saved.actionId })).rejects.toMatchObject({ status: 409 });
    expect(await leadState(lead.id)).toEqual(before);
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "action_voided" } })).toBe(1);
  });

  it("refuses someone else, a manager included, a missing action, and anything after the time limit", async () => {
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    const saved = await logCallOutcome(rep, { leadId: lead.id, outcome: "voicemail", followUp: "3d" });
    const after = await leadState(lead.id);

    await expect(voidSalesAction(other, { action_id: saved.actionId })).rejects.toMatchObject({
      status: 403,
    });
    await expect(voidSalesAction(manager, { action_id: saved.actionId })).rejects.toMatchObject({
      status: 403,
    });
    await expect(voidSalesAction(rep, { action_id: 2_000_000_001 })).rejects.toMatchObject({ status: 404 });
    await expect(voidSalesAction(rep, { action_id: "x" })).rejects.toMatchObject({ status: 400 });
    const late = new Date(Date.now() + UNDO_WINDOW_MS + 1_000);
    await expect(voidSalesAction(rep, { action_id: saved.actionId }, { now: late })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/too late/i),
    });
    expect(await leadState(lead.id)).toEqual(after);
    expect((await db.salesAction.findUniqueOrThrow({ where: { id: saved.actionId } })).voidedAt).toBeNull();
  });

  it("refuses once the lead has moved on: a later action would be overwritten", async () => {
    const { actor: rep } = await makeUser();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    const first = await logCallOutcome(rep, { leadId: lead.id, outcome: "no_answer", followUp: "none" });
    await logCallOutcome(rep, { leadId: lead.id, outcome: "answered", followUp: "tomorrow" });
    const after = await leadState(lead.id);
    await expect(voidSalesAction(rep, { action_id: first.actionId })).rejects.toMatchObject({ status: 409 });
    expect(await leadState(lead.id)).toEqual(after);
  });
});
