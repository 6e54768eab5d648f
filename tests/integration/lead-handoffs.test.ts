// Issue #21 with the company's default settings (manager approves handoffs; loss and reopen
// approvals off): every request step against real PostgreSQL, the two races included. Files that
// flip the switches (strict territories, receiver acceptance, loss/reopen approval) run in their
// own database: lead-approvals.test.ts.
import { db } from "@/lib/db";
import { proposeHandoff } from "@/lib/requests/propose-handoff";
import { approveLeadRequest } from "@/lib/requests/approve-lead-request";
import { declineLeadRequest } from "@/lib/requests/decline-lead-request";
import { withdrawLeadRequest } from "@/lib/requests/withdraw-lead-request";
import { acceptHandoff } from "@/lib/requests/accept-handoff";
import { decideLeadRequests } from "@/lib/requests/decide-lead-requests";
import { listLeadRequests } from "@/lib/requests/list-lead-requests";
import { getLiveShell } from "@/lib/live/get-live-shell";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { makeLead, makeUser } from "../fixtures/factories";
import { requestTeam } from "../fixtures/request-team";
import { eventsOf, leadState } from "../fixtures/lead-state";

const team = requestTeam;

const requestsOf = (leadId: number) => db.leadRequest.findMany({ where: { leadId }, orderBy: { id: "asc" } });
const auditOf = (requestId: number) =>
  db.auditLog.findMany({ where: { targetType: "lead_request", targetId: String(requestId) }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
const notices = async (userId: number, since: bigint) =>
  (await db.liveEvent.findMany({ where: { id: { gt: since } }, orderBy: { id: "asc" } }))
    .map((e) => e.event as { kind: string; userId?: number; title?: string })
    .filter((e) => e.kind === "user.notice" && e.userId === userId)
    .map((e) => e.title);
const lastLiveId = async () => (await db.liveEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);

describe("handoffs (default: a manager approves)", () => {
  it("moves the lead with its history and follow-up once the manager approves; every step is a timeline entry, an audit row and a notice", async () => {
    const { alex, sarah, manager } = await team();
    const lead = await makeLead({ status: "assigned", assignedAdminId: alex.id });
    await addSalesAction(alex, { lead_id: lead.id, action_type: "call", outcome: "callback", follow_up_date: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10) });
    const before = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
    const since = await lastLiveId();

    const proposed = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Sarah knows this carrier" });
    expect(proposed.state).toBe("awaiting_approval");
    expect((await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).assignedAdminId).toBe(alex.id);

    // The manager's queue and badge, the receiver's "coming your way", the requester's own list.
    expect((await listLeadRequests(manager)).toDecide.map((r) => r.id)).toContain(proposed.id);
    expect((await listLeadRequests(sarah)).waitingOnOthers.map((r) => r.id)).toEqual([proposed.id]);
    expect((await listLeadRequests(alex)).mine.map((r) => r.id)).toEqual([proposed.id]);
    expect((await getLiveShell(manager)).requestCount).toBeGreaterThanOrEqual(1);
    expect((await getLiveShell(sarah)).requestCount).toBe(1);
    expect(await notices(manager.id, since)).toContain("Handoff waiting for approval");

    const approved = await approveLeadRequest(manager, { request_id: proposed.id, note: "Fine by me" });
    expect(approved.state).toBe("done");
    const after = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(after).toMatchObject({ assignedAdminId: sarah.id, status: "in_progress" });
    expect(after.nextFollowUpAt?.toISOString()).toBe(before.nextFollowUpAt?.toISOString());
    expect(await db.salesAction.count({ where: { leadId: lead.id } })).toBe(1);
    expect((await getLiveShell(sarah)).requestCount).toBe(0);
    expect(await notices(alex.id, since)).toContain("Handoff approved");
    expect(await notices(sarah.id, since)).toEqual(expect.arrayContaining(["Handoff waiting for approval", "Handoff approved"]));

    const events = (await eventsOf(lead.id)).map((e) => [e.type, e.actorId]);
    expect(events.slice(-3)).toEqual([
      ["request_made", alex.id],
      ["request_approved", manager.id],
      ["handed_off", manager.id],
    ]);
    const handed = (await eventsOf(lead.id)).at(-1)!.data as Record<string, unknown>;
    expect(handed).toMatchObject({ from_admin_id: alex.id, to_admin_id: sarah.id, reason: "Sarah knows this carrier" });
    expect(String(handed.detail)).toContain("follow-up moves with it");
    expect(await auditOf(proposed.id)).toEqual([
      { action: "request.created", actorId: alex.id },
      { action: "request.approved", actorId: manager.id },
    ]);
    expect(await db.auditLog.count({ where: { action: "lead.handed_off", targetId: String(lead.id) } })).toBe(1);
    const [row] = await requestsOf(lead.id);
    expect(row).toMatchObject({ state: "done", approvedById: manager.id, decidedById: manager.id, decisionNote: "Fine by me" });
  });

  it("hands off at once when the manager proposes (the manager is the approver)", async () => {
    const { alex, sarah, manager } = await team();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const r = await proposeHandoff(manager, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Alex is on leave" });
    expect(r.state).toBe("done");
    expect((await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).assignedAdminId).toBe(sarah.id);
  });

  it("declines and withdraws without a reason, keeps one when given, and the lead stays where it was", async () => {
    const { alex, sarah, manager } = await team();
    const lead = await makeLead({ status: "assigned", assignedAdminId: alex.id });
    const first = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Busy week" });
    await declineLeadRequest(manager, { request_id: first.id });
    const second = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Still busy" });
    await withdrawLeadRequest(alex, { request_id: second.id, note: "Found time after all" });
    const rows = await requestsOf(lead.id);
    expect(rows.map((r) => [r.state, r.decidedById, r.decisionNote])).toEqual([
      ["declined", manager.id, null],
      ["withdrawn", alex.id, "Found time after all"],
    ]);
    expect((await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).assignedAdminId).toBe(alex.id);
    expect((await eventsOf(lead.id)).map((e) => e.type)).toEqual(["request_made", "request_declined", "request_made", "request_withdrawn"]);
    expect((await auditOf(second.id)).map((a) => a.action)).toEqual(["request.created", "request.withdrawn"]);
  });

  it("two proposals at the same moment: exactly one stands, the other is a clear 409 (the partial unique index)", async () => {
    const { alex, sarah, mike } = await team();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    // Proposals by the holder to two receivers, raced many times over fresh leads.
    for (let i = 0; i < 5; i++) {
      const l = i === 0 ? lead : await makeLead({ status: "in_progress", assignedAdminId: alex.id });
      const outcomes = await Promise.allSettled([
        proposeHandoff(alex, { lead_id: l.id, to_admin_id: sarah.id, reason: "A" }),
        proposeHandoff(alex, { lead_id: l.id, to_admin_id: mike.id, reason: "B" }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")!;
      expect(refused.reason).toMatchObject({ status: 409, message: "This lead already has an open request; it must be decided or withdrawn first." });
      expect(await db.leadRequest.count({ where: { leadId: l.id } })).toBe(1);
      expect((await eventsOf(l.id)).filter((e) => e.type === "request_made")).toHaveLength(1);
    }
  });

  it("approve and withdraw at the same moment: exactly one wins, the other is a 409, nothing changed twice", async () => {
    const { alex, sarah, manager } = await team();
    for (let i = 0; i < 5; i++) {
      const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
      const r = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Race" });
      const [approve, withdraw] = await Promise.allSettled([
        approveLeadRequest(manager, { request_id: r.id }),
        withdrawLeadRequest(alex, { request_id: r.id }),
      ]);
      const outcomes = [approve, withdraw];
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")!;
      expect(refused.reason.status).toBe(409);
      expect(refused.reason.message).toMatch(/^This request was (already approved|withdrawn) by (Maria Manager|Alex Rep); nothing changed\.$/);
      const [row] = await requestsOf(lead.id);
      const holder = (await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).assignedAdminId;
      if (approve.status === "fulfilled") {
        expect(row.state).toBe("done");
        expect(holder).toBe(sarah.id);
      } else {
        expect(row.state).toBe("withdrawn");
        expect(holder).toBe(alex.id);
      }
      const types = (await eventsOf(lead.id)).map((e) => e.type);
      expect(types.filter((t) => t === "request_approved" || t === "request_withdrawn")).toHaveLength(1);
    }
  });

  it("the same request decided in two tabs: the second is a 409 and changes nothing", async () => {
    const { alex, sarah, manager } = await team();
    const { actor: manager2 } = await makeUser({ role: "super_admin", name: "Other Manager" });
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const r = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Tabs" });
    await declineLeadRequest(manager2, { request_id: r.id });
    const state = await leadState(lead.id);
    await expect(approveLeadRequest(manager, { request_id: r.id })).rejects.toMatchObject({
      status: 409,
      message: "This request was already declined by Other Manager; nothing changed.",
    });
    expect(await leadState(lead.id)).toEqual(state);
  });

  it("a rep never approves, not even their own request (403); the receiver cannot accept before approval (409)", async () => {
    const { alex, sarah } = await team();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const r = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Self" });
    const state = await leadState(lead.id);
    await expect(approveLeadRequest(alex, { request_id: r.id })).rejects.toMatchObject({ status: 403, message: "Only a manager can approve requests." });
    await expect(approveLeadRequest(sarah, { request_id: r.id })).rejects.toMatchObject({ status: 403 });
    await expect(acceptHandoff(sarah, { request_id: r.id })).rejects.toMatchObject({ status: 409, message: "This handoff still waits for a manager's approval." });
    await expect(withdrawLeadRequest(sarah, { request_id: r.id })).rejects.toMatchObject({ status: 403 });
    expect(await leadState(lead.id)).toEqual(state);
    expect((await requestsOf(lead.id))[0].state).toBe("awaiting_approval");
  });

  it("refuses converted and lost leads, someone else's lead, and a receiver who is not an active rep", async () => {
    const { alex, sarah, mike, manager } = await team();
    const { actor: gone } = await makeUser({ active: false });
    const converted = await makeLead({ status: "converted", assignedAdminId: alex.id });
    const lost = await makeLead({ status: "lost", assignedAdminId: alex.id });
    const mikes = await makeLead({ status: "in_progress", assignedAdminId: mike.id });
    const mine = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    await expect(proposeHandoff(alex, { lead_id: converted.id, to_admin_id: sarah.id, reason: "x" })).rejects.toMatchObject({ status: 409, message: "A converted lead cannot be handed off." });
    await expect(proposeHandoff(manager, { lead_id: lost.id, to_admin_id: sarah.id, reason: "x" })).rejects.toMatchObject({ status: 409, message: "A lost lead cannot be handed off." });
    await expect(proposeHandoff(alex, { lead_id: mikes.id, to_admin_id: sarah.id, reason: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(proposeHandoff(alex, { lead_id: mine.id, to_admin_id: gone.id, reason: "x" })).rejects.toMatchObject({ status: 400 });
    await expect(proposeHandoff(alex, { lead_id: mine.id, to_admin_id: manager.id, reason: "x" })).rejects.toMatchObject({ status: 400 });
    await expect(proposeHandoff(alex, { lead_id: mine.id, to_admin_id: alex.id, reason: "x" })).rejects.toMatchObject({ status: 409 });
    for (const l of [converted, lost, mikes, mine]) expect(await db.leadRequest.count({ where: { leadId: l.id } })).toBe(0);
  });

  it("is a 404 for a lead that is not there and for a request the rep neither made nor receives", async () => {
    const { alex, sarah, mike, manager } = await team();
    await expect(proposeHandoff(alex, { lead_id: 2_000_000_000, to_admin_id: sarah.id, reason: "x" })).rejects.toMatchObject({ status: 404 });
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const r = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "x" });
    await expect(withdrawLeadRequest(mike, { request_id: r.id })).rejects.toMatchObject({ status: 404, message: "Request not found" });
    await expect(declineLeadRequest(mike, { request_id: r.id })).rejects.toMatchObject({ status: 404 });
    await expect(approveLeadRequest(manager, { request_id: 2_000_000_000 })).rejects.toMatchObject({ status: 404 });
  });

  it("bad input is a 400 naming the field, and nothing is written", async () => {
    const { alex, sarah } = await team();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const state = await leadState(lead.id);
    await expect(proposeHandoff.fromRequest(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "   " })).rejects.toMatchObject({
      status: 400,
      issues: [{ path: "reason", message: "Say why you hand this lead off" }],
    });
    await expect(proposeHandoff.fromRequest(alex, { lead_id: lead.id, to_admin_id: "sarah", reason: "x" })).rejects.toMatchObject({ status: 400, issues: [{ path: "to_admin_id" }] });
    await expect(proposeHandoff.fromRequest(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "x".repeat(501) })).rejects.toMatchObject({ status: 400 });
    await expect(approveLeadRequest.fromRequest(alex, { request_id: "abc" })).rejects.toMatchObject({ status: 400, issues: [{ path: "request_id" }] });
    await expect(decideLeadRequests.fromRequest(alex, { request_ids: [], decision: "approve" })).rejects.toMatchObject({ status: 400 });
    await expect(decideLeadRequests.fromRequest(alex, { request_ids: [1], decision: "maybe" })).rejects.toMatchObject({ status: 400, issues: [{ path: "decision" }] });
    expect(await leadState(lead.id)).toEqual(state);
    expect(await db.leadRequest.count({ where: { leadId: lead.id } })).toBe(0);
  });

  it("approves or declines many at once with one note; one decided meanwhile is refused alone", async () => {
    const { alex, sarah, manager } = await team();
    const leads = await Promise.all([0, 1, 2].map(() => makeLead({ status: "in_progress", assignedAdminId: alex.id })));
    const reqs = [];
    for (const l of leads) reqs.push(await proposeHandoff(alex, { lead_id: l.id, to_admin_id: sarah.id, reason: "Bulk" }));
    await withdrawLeadRequest(alex, { request_id: reqs[2].id });
    const out = await decideLeadRequests(manager, { request_ids: reqs.map((r) => r.id), decision: "approve", note: "All good" });
    expect(out).toMatchObject({ done: 2, refused: 1 });
    expect(out.results[2]).toMatchObject({ ok: false, message: "This request was withdrawn by Alex Rep; nothing changed." });
    const holders = await Promise.all(leads.map((l) => db.salesLead.findUniqueOrThrow({ where: { id: l.id } })));
    expect(holders.map((h) => h.assignedAdminId)).toEqual([sarah.id, sarah.id, alex.id]);
    expect((await db.leadRequest.findUniqueOrThrow({ where: { id: reqs[0].id } })).decisionNote).toBe("All good");
  });

  it("refuses to approve a handoff whose lead changed hands meanwhile; it can still be declined", async () => {
    const { alex, sarah, mike, manager } = await team();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const r = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Stale" });
    await db.salesLead.update({ where: { id: lead.id }, data: { assignedAdminId: mike.id } });
    await expect(approveLeadRequest(manager, { request_id: r.id })).rejects.toMatchObject({ status: 409, message: "This lead changed hands since the handoff was proposed; decline or withdraw it." });
    await declineLeadRequest(manager, { request_id: r.id });
    expect((await requestsOf(lead.id))[0].state).toBe("declined");
  });
});
