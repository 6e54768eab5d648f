// Issue #21 under the company switches: strict territories with the manager's override, handoffs
// the receiver accepts, "mark lost above $X needs approval" and "reopen needs approval". The
// switches are company-wide, so this file runs in a database of its own.
import { db } from "@/lib/db";
import { proposeHandoff } from "@/lib/requests/propose-handoff";
import { approveLeadRequest } from "@/lib/requests/approve-lead-request";
import { declineLeadRequest } from "@/lib/requests/decline-lead-request";
import { acceptHandoff } from "@/lib/requests/accept-handoff";
import { requestLeadLoss } from "@/lib/requests/request-lead-loss";
import { requestLeadReopen } from "@/lib/requests/request-lead-reopen";
import { setRequestSettings } from "@/lib/requests/set-request-settings";
import { setTerritorySettings } from "@/lib/territories/set-territory-settings";
import { markLeadLost } from "@/lib/leads/mark-lead-lost";
import { reopenLead } from "@/lib/leads/reopen-lead";
import { listLeadRequests } from "@/lib/requests/list-lead-requests";
import { getLiveShell } from "@/lib/live/get-live-shell";
import { makeLead, makeUser } from "../fixtures/factories";
import { makeTerritory } from "../fixtures/calls";
import { eventsOf, leadState } from "../fixtures/lead-state";
import { runInOwnDatabase } from "../fixtures/own-database";

runInOwnDatabase();

async function team() {
  const { actor: alex } = await makeUser({ name: "Alex Rep" });
  const { actor: sarah } = await makeUser({ name: "Sarah Rep" });
  const { actor: manager } = await makeUser({ role: "super_admin", name: "Maria Manager" });
  return { alex, sarah, manager };
}
const holder = async (id: number) => (await db.salesLead.findUniqueOrThrow({ where: { id } })).assignedAdminId;

describe("strict territory mode", () => {
  afterEach(async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    await setTerritorySettings(manager, { territoryMode: "open" });
  });

  it("needs a receiver covering one of the lead's states, or the manager's override with a reason", async () => {
    const { alex, sarah, manager } = await team();
    await makeTerritory(["NM"], [sarah.id]);
    await setTerritorySettings(manager, { territoryMode: "strict" });
    const outside = await makeLead({ status: "in_progress", assignedAdminId: alex.id, states: ["TX", "OK"] });
    const inside = await makeLead({ status: "in_progress", assignedAdminId: alex.id, states: ["TX", "NM"] });

    const state = await leadState(outside.id);
    await expect(proposeHandoff(alex, { lead_id: outside.id, to_admin_id: sarah.id, reason: "x" })).rejects.toMatchObject({
      status: 403,
      message: "Sarah Rep does not cover this lead's states (TX, OK); in strict territory mode a manager must override with a reason.",
    });
    await expect(proposeHandoff(alex, { lead_id: outside.id, to_admin_id: sarah.id, reason: "x", territory_override: "I say so" })).rejects.toMatchObject({
      status: 403,
      message: "Only a manager can override the territory rule.",
    });
    await expect(proposeHandoff(manager, { lead_id: outside.id, to_admin_id: sarah.id, reason: "x" })).rejects.toMatchObject({ status: 403 });
    expect(await leadState(outside.id)).toEqual(state);

    const overridden = await proposeHandoff(manager, { lead_id: outside.id, to_admin_id: sarah.id, reason: "Alex leaves", territory_override: "Sarah knows the shipper" });
    expect(overridden.state).toBe("done");
    expect(await holder(outside.id)).toBe(sarah.id);
    expect((await db.leadRequest.findUniqueOrThrow({ where: { id: overridden.id } })).territoryOverride).toBe("Sarah knows the shipper");

    const covered = await proposeHandoff(alex, { lead_id: inside.id, to_admin_id: sarah.id, reason: "NM is hers" });
    await approveLeadRequest(manager, { request_id: covered.id });
    expect(await holder(inside.id)).toBe(sarah.id);
  });

  it("checks again on approval: a territory changed meanwhile needs the approving manager's override", async () => {
    const { alex, sarah, manager } = await team();
    const territory = await makeTerritory(["NV"], [sarah.id]);
    await setTerritorySettings(manager, { territoryMode: "strict" });
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id, states: ["NV"] });
    const r = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Hers" });
    await db.territoryMember.deleteMany({ where: { territoryId: territory.id } });
    await expect(approveLeadRequest(manager, { request_id: r.id })).rejects.toMatchObject({ status: 403 });
    expect(await holder(lead.id)).toBe(alex.id);
    await approveLeadRequest(manager, { request_id: r.id, territory_override: "Covering while NV is reorganised" });
    expect(await holder(lead.id)).toBe(sarah.id);
    const approved = (await eventsOf(lead.id)).find((e) => e.type === "request_approved")!;
    expect(approved.data).toMatchObject({ territory_override: "Covering while NV is reorganised" });
  });
});

describe("handoffs the receiver accepts", () => {
  afterAll(async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    await setRequestSettings(manager, { handoffApproval: "manager" });
  });

  it("receiver mode: straight to the receiver's inbox, who accepts (or declines, keeping a reason)", async () => {
    const { alex, sarah, manager } = await team();
    await setRequestSettings(manager, { handoffApproval: "receiver" });
    const lead = await makeLead({ status: "assigned", assignedAdminId: alex.id });
    const r = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Yours?" });
    expect(r.state).toBe("awaiting_acceptance");
    expect((await listLeadRequests(sarah)).toDecide.map((x) => x.id)).toEqual([r.id]);
    expect((await getLiveShell(sarah)).requestCount).toBe(1);
    await expect(approveLeadRequest(manager, { request_id: r.id })).rejects.toMatchObject({ status: 409 });
    await acceptHandoff(sarah, { request_id: r.id, note: "Got it" });
    expect(await holder(lead.id)).toBe(sarah.id);
    expect((await eventsOf(lead.id)).map((e) => e.type)).toEqual(["request_made", "request_accepted", "handed_off"]);

    const other = await makeLead({ status: "assigned", assignedAdminId: alex.id });
    const r2 = await proposeHandoff(alex, { lead_id: other.id, to_admin_id: sarah.id, reason: "And this?" });
    await declineLeadRequest(sarah, { request_id: r2.id, note: "Full this week" });
    expect(await db.leadRequest.findUniqueOrThrow({ where: { id: r2.id } })).toMatchObject({ state: "declined", decisionNote: "Full this week", decidedById: sarah.id });
    expect(await holder(other.id)).toBe(alex.id);
  });

  it("manager_and_receiver: the manager approves, then the receiver accepts", async () => {
    const { alex, sarah, manager } = await team();
    await setRequestSettings(manager, { handoffApproval: "manager_and_receiver" });
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const r = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Two steps" });
    await expect(acceptHandoff(sarah, { request_id: r.id })).rejects.toMatchObject({ status: 409 });
    expect((await approveLeadRequest(manager, { request_id: r.id })).state).toBe("awaiting_acceptance");
    expect(await holder(lead.id)).toBe(alex.id);
    await acceptHandoff(sarah, { request_id: r.id });
    expect(await holder(lead.id)).toBe(sarah.id);
  });
});

describe("approval-gated loss and reopen", () => {
  afterAll(async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    await setRequestSettings(manager, { loseApprovalEnabled: false, reopenApproval: false });
  });

  it("a rep's loss above the amount waits for a manager; at or below it, and the manager's own, close at once", async () => {
    const { alex, manager } = await team();
    await setRequestSettings(manager, { loseApprovalEnabled: true, loseApprovalAbove: "1000" });
    const big = await makeLead({ status: "in_progress", assignedAdminId: alex.id, estimatedValue: 1000.01 });
    const small = await makeLead({ status: "in_progress", assignedAdminId: alex.id, estimatedValue: 1000 });

    const state = await leadState(big.id);
    await expect(markLeadLost(alex, { lead_id: big.id, reason: "Price" })).rejects.toMatchObject({
      status: 409,
      message: "Marking this lead lost needs a manager's approval: ask for it.",
    });
    expect(await leadState(big.id)).toEqual(state);
    await expect(requestLeadLoss(alex, { lead_id: small.id, reason: "Price" })).rejects.toMatchObject({ status: 409 });
    expect((await markLeadLost(alex, { lead_id: small.id, reason: "Price" })).status).toBe("lost");

    const r = await requestLeadLoss(alex, { lead_id: big.id, reason: "Went elsewhere", notes: "Called twice" });
    await expect(approveLeadRequest(alex, { request_id: r.id })).rejects.toMatchObject({ status: 403 });
    await approveLeadRequest(manager, { request_id: r.id, note: "Agreed" });
    const lost = await db.salesLead.findUniqueOrThrow({ where: { id: big.id } });
    expect(lost).toMatchObject({ status: "lost", lostReason: "Went elsewhere" });
    const events = await eventsOf(big.id);
    expect(events.map((e) => e.type)).toEqual(["request_made", "request_approved", "lost"]);
    expect(events[2].data).toMatchObject({ reason: "Went elsewhere", notes: "Called twice", request_id: r.id, requested_by_id: alex.id });
    expect(await db.auditLog.count({ where: { action: "lead.lost", targetId: String(big.id) } })).toBe(1);

    const bossLead = await makeLead({ status: "in_progress", assignedAdminId: alex.id, estimatedValue: 5000 });
    expect((await markLeadLost(manager, { lead_id: bossLead.id, reason: "Dead" })).status).toBe("lost");
  });

  it("with reopen approval on, the rep who lost a lead asks, and the manager's approval gives it back to them", async () => {
    const { alex, sarah, manager } = await team();
    const lead = await makeLead({ status: "lost", assignedAdminId: alex.id });
    await expect(requestLeadReopen(alex, { lead_id: lead.id })).rejects.toMatchObject({ status: 409, message: "Only a manager can reopen a lead." });
    await setRequestSettings(manager, { reopenApproval: true });
    await expect(requestLeadReopen(sarah, { lead_id: lead.id })).rejects.toMatchObject({ status: 403 });
    await expect(reopenLead(alex, { lead_id: lead.id })).rejects.toMatchObject({ status: 403 });
    const r = await requestLeadReopen(alex, { lead_id: lead.id, reason: "They called back" });
    await expect(requestLeadReopen(alex, { lead_id: lead.id })).rejects.toMatchObject({ status: 409 });
    await approveLeadRequest(manager, { request_id: r.id });
    // An active rep in open territory mode may hold it: theirs again, as if the manager assigned it.
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ status: "assigned", assignedAdminId: alex.id, closedAt: null, lostReason: null });
    expect((await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).assignedAt).toBeInstanceOf(Date);
    const events = await eventsOf(lead.id);
    expect(events.map((e) => e.type)).toEqual(["request_made", "request_approved", "reopened"]);
    expect(events[2]).toMatchObject({
      fromStatus: "lost",
      toStatus: "assigned",
      data: expect.objectContaining({ to_admin_id: alex.id, to_admin_name: "Alex Rep", detail: "Back to Alex Rep, who asked to reopen it.", request_id: r.id }),
    });
    const told = await db.notification.findFirstOrThrow({ where: { userId: alex.id, leadId: lead.id, title: "Reopen approved" } });
    expect(told.body).toBe("Maria Manager approved it. Back to Alex Rep, who asked to reopen it.");
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "lead.reopened", targetId: String(lead.id) } })).toMatchObject({
      after: expect.objectContaining({ status: "assigned", assigned_admin_id: alex.id, request_id: r.id }),
    });
  });

  it("an approved reopen goes to the pool when the rep who asked may not hold it: deactivated, or outside strict territories; the timeline says why", async () => {
    const { alex, sarah, manager } = await team();
    await setRequestSettings(manager, { reopenApproval: true });
    const reopenFor = async (rep: typeof alex, states: string[]) => {
      const lead = await makeLead({ status: "lost", assignedAdminId: rep.id, states });
      return { lead, r: await requestLeadReopen(rep, { lead_id: lead.id }) };
    };
    const detailOf = async (leadId: number) => (await eventsOf(leadId)).find((e) => e.type === "reopened")!;

    const gone = await reopenFor(alex, ["TX"]);
    await db.user.update({ where: { id: alex.id }, data: { active: false } });
    await approveLeadRequest(manager, { request_id: gone.r.id });
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: gone.lead.id } })).toMatchObject({ status: "pending", assignedAdminId: null, assignedAt: null });
    expect(await detailOf(gone.lead.id)).toMatchObject({ toStatus: "pending", data: expect.objectContaining({ detail: "Back in the pool: Alex Rep is no longer an active rep." }) });

    await makeTerritory(["NM"], [sarah.id]);
    const outside = await reopenFor(sarah, ["TX", "OK"]);
    const inside = await reopenFor(sarah, ["NM"]);
    await setTerritorySettings(manager, { territoryMode: "strict" });
    try {
      await approveLeadRequest(manager, { request_id: outside.r.id });
      await approveLeadRequest(manager, { request_id: inside.r.id });
    } finally {
      await setTerritorySettings(manager, { territoryMode: "open" });
    }
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: outside.lead.id } })).toMatchObject({ status: "pending", assignedAdminId: null });
    expect((await detailOf(outside.lead.id)).data).toMatchObject({ detail: "Back in the pool: in strict territory mode Sarah Rep does not cover its states (TX, OK)." });
    expect((await detailOf(outside.lead.id)).data).not.toHaveProperty("to_admin_id");
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: inside.lead.id } })).toMatchObject({ status: "assigned", assignedAdminId: sarah.id });
    expect(await db.notification.findFirstOrThrow({ where: { userId: sarah.id, leadId: outside.lead.id, title: "Reopen approved" } })).toMatchObject({
      body: "Maria Manager approved it. Back in the pool: in strict territory mode Sarah Rep does not cover its states (TX, OK).",
    });
  });

  it("records each settings change in the audit log", async () => {
    const { manager } = await team();
    await setRequestSettings(manager, { handoffApproval: "receiver", loseApprovalEnabled: true, loseApprovalAbove: "250", reopenApproval: true });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "settings.changed", targetId: "request_settings" }, orderBy: { id: "desc" } });
    expect(entry.after).toEqual({ handoffApproval: "receiver", loseApprovalAbove: 250, reopenApproval: true });
    await setRequestSettings(manager, { handoffApproval: "manager" });
    await expect(setRequestSettings.fromRequest((await makeUser()).actor, { reopenApproval: "true" })).rejects.toMatchObject({ status: 404 });
  });
});
