// Issue #21: an open request (handoff, loss approval, reopen approval) closes by itself when its
// lead leaves its holder or closes by another path — released, reassigned, auto-returned, handed
// off another way, converted (by a rep or by an order webhook), lost, reopened. Each is `cancelled`
// with the reason, a timeline entry, an audit row, a notice to whoever waited on it, and the
// Requests badge drops. A request whose own approval moves the lead ends `done`, never cancelled;
// and approve vs release at the same moment: exactly one wins. Own database: the manager's badge
// counts every open request, and this file flips the loss/reopen approval and auto-return settings.
import { db } from "@/lib/db";
import { proposeHandoff } from "@/lib/requests/propose-handoff";
import { approveLeadRequest } from "@/lib/requests/approve-lead-request";
import { requestLeadLoss } from "@/lib/requests/request-lead-loss";
import { requestLeadReopen } from "@/lib/requests/request-lead-reopen";
import { setRequestSettings } from "@/lib/requests/set-request-settings";
import { listLeadRequests } from "@/lib/requests/list-lead-requests";
import { getLiveShell } from "@/lib/live/get-live-shell";
import { releaseLead } from "@/lib/leads/release-lead";
import { assignLead } from "@/lib/leads/assign-lead";
import { convertLead } from "@/lib/leads/convert-lead";
import { markLeadLost } from "@/lib/leads/mark-lead-lost";
import { reopenLead } from "@/lib/leads/reopen-lead";
import { returnIdleLeads } from "@/lib/sla/return-idle-leads";
import { createSalesLead } from "@/lib/ingest/create-sales-lead";
import { putCompanySetting } from "@/lib/kernel/company-settings";
import type { TActor } from "@/lib/auth/permissions";
import { makeCompany, makeLead } from "../fixtures/factories";
import { requestTeam } from "../fixtures/request-team";
import { eventsOf } from "../fixtures/lead-state";
import { runInOwnDatabase } from "../fixtures/own-database";

runInOwnDatabase("pilot_crm_test_request_close");

const team = requestTeam;

const requestRow = (id: number) => db.leadRequest.findUniqueOrThrow({ where: { id } });
const inbox = (userId: number, leadId: number) =>
  db.notification.findMany({ where: { userId, leadId, kind: "request" }, orderBy: { id: "asc" }, select: { title: true, body: true } });
const badge = async (actor: TActor) => (await getLiveShell(actor)).requestCount;
const typesOf = async (leadId: number) => (await eventsOf(leadId)).map((e) => e.type);

/** What every automatic close leaves: the state and reason, who caused it, the timeline entry and the audit row. */
async function expectCancelled(requestId: number, leadId: number, reason: string, actorId: number | null) {
  expect(await requestRow(requestId)).toMatchObject({ state: "cancelled", cancelReason: reason, decidedById: actorId, decidedAt: expect.any(Date) });
  const entry = (await eventsOf(leadId)).find((e) => e.type === "request_cancelled")!;
  expect(entry).toMatchObject({ actorId, data: expect.objectContaining({ request_id: requestId, state: "cancelled", cancel_reason: reason }) });
  expect(String((entry.data as { detail: string }).detail)).toMatch(/^Closed by itself: the lead /);
  const audit = await db.auditLog.findMany({ where: { targetType: "lead_request", targetId: String(requestId) }, orderBy: { id: "asc" } });
  expect(audit.map((a) => [a.action, a.actorId])).toEqual([
    ["request.created", expect.any(Number)],
    ["request.cancelled", actorId],
  ]);
}

describe("an open request closes by itself when its lead moves on", () => {
  it("release: the receiver and the manager are told, both badges drop, and a new request may be made", async () => {
    const { alex, sarah, mike, manager } = await team();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const r = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Sarah knows them" });
    const before = { manager: await badge(manager), sarah: await badge(sarah) };
    expect(before.sarah).toBe(1);

    await releaseLead(alex, { lead_id: lead.id });
    await expectCancelled(r.id, lead.id, "released", alex.id);
    // Cause first, then what it closed (newest last in id order).
    expect((await typesOf(lead.id)).slice(-2)).toEqual(["released", "request_cancelled"]);
    expect(await badge(manager)).toBe(before.manager - 1);
    expect(await badge(sarah)).toBe(0);
    expect((await listLeadRequests(manager)).toDecide.map((x) => x.id)).not.toContain(r.id);
    const mine = (await listLeadRequests(alex)).mine.find((x) => x.id === r.id)!;
    expect(mine).toMatchObject({ state: "cancelled", cancelReason: "released", decidedBy: "Alex Rep" });
    expect(await inbox(sarah.id, lead.id)).toContainEqual({ title: "Handoff request closed", body: "Nothing to decide any more: the lead was released to the pool." });
    expect((await inbox(manager.id, lead.id)).map((n) => n.title)).toContain("Handoff request closed");
    // Alex did it himself: nobody tells him.
    expect((await inbox(alex.id, lead.id)).map((n) => n.title)).not.toContain("Handoff request closed");
    // A decision on it now says what became of it, and changes nothing.
    await expect(approveLeadRequest(manager, { request_id: r.id })).rejects.toMatchObject({
      status: 409,
      message: "This request was closed (the lead was released to the pool by Alex Rep); nothing changed.",
    });
    // The lead's one-open-request slot is free again for its next holder.
    await assignLead(manager, { lead_id: lead.id, admin_id: mike.id });
    await expect(proposeHandoff(mike, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Again" })).resolves.toMatchObject({ state: "awaiting_approval" });
  });

  it("reassignment by the manager closes a rep's loss request; the rep is told", async () => {
    const { alex, sarah, manager } = await team();
    await setRequestSettings(manager, { loseApprovalEnabled: true, loseApprovalAbove: "1000" });
    try {
      const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id, estimatedValue: 5000 });
      const r = await requestLeadLoss(alex, { lead_id: lead.id, reason: "Went elsewhere" });
      const queued = await badge(manager);
      await assignLead(manager, { lead_id: lead.id, admin_id: sarah.id });
      await expectCancelled(r.id, lead.id, "reassigned", manager.id);
      expect(await badge(manager)).toBe(queued - 1);
      expect(await inbox(alex.id, lead.id)).toContainEqual({ title: "Mark lost request closed", body: "Nothing to decide any more: the lead was assigned to someone else." });
      expect(await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ status: "assigned", assignedAdminId: sarah.id });
    } finally {
      await setRequestSettings(manager, { loseApprovalEnabled: false });
    }
  });

  it("auto-return (no person acted): closed by the system and the requester is told", async () => {
    const { alex, sarah } = await team();
    const lead = await makeLead({ status: "assigned", assignedAdminId: alex.id });
    await db.salesLead.update({ where: { id: lead.id }, data: { assignedAt: new Date(Date.now() - 10 * 3_600_000) } });
    const r = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Not mine" });
    await db.$transaction((tx) => putCompanySetting(tx, "slaTimers", { alertMinutes: 5, escalateMinutes: 15, autoReturnHours: 4 }));
    try {
      expect((await returnIdleLeads()).returned).toContain(lead.id);
    } finally {
      await db.$transaction((tx) => putCompanySetting(tx, "slaTimers", { alertMinutes: 5, escalateMinutes: 15, autoReturnHours: null }));
    }
    await expectCancelled(r.id, lead.id, "auto_returned", null);
    expect((await inbox(alex.id, lead.id)).map((n) => n.body)).toContain(
      "Nothing to decide any more: the lead went back to the pool (no action since it was claimed).",
    );
    expect(await badge(sarah)).toBe(0);
  });

  it("convert and a direct loss close the open handoff", async () => {
    const { alex, sarah, manager } = await team();
    const converted = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const r1 = await proposeHandoff(alex, { lead_id: converted.id, to_admin_id: sarah.id, reason: "x" });
    await convertLead(alex, { lead_id: converted.id, conversion_value: 900 });
    await expectCancelled(r1.id, converted.id, "converted", alex.id);

    const lost = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const r2 = await proposeHandoff(alex, { lead_id: lost.id, to_admin_id: sarah.id, reason: "y" });
    await markLeadLost(manager, { lead_id: lost.id, reason: "Out of business" });
    await expectCancelled(r2.id, lost.id, "lost", manager.id);
    expect(await inbox(alex.id, lost.id)).toContainEqual({ title: "Handoff request closed", body: "Nothing to decide any more: the lead was marked lost." });
  });

  it("an order webhook converting the lead (in SQL) closes its open request too", async () => {
    const { alex, sarah } = await team();
    const company = await makeCompany();
    const lead = await makeLead({ companyId: company.id, status: "in_progress", assignedAdminId: alex.id });
    const r = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "z" });
    const out = await createSalesLead({
      source: "order_placed",
      company: { external_id: company.externalId!, name: company.name },
      leadData: { order_id: "PO-77", total: 1234 },
    });
    expect(out).toMatchObject({ leadId: lead.id, status: "converted" });
    await expectCancelled(r.id, lead.id, "converted", null);
    expect(await badge(sarah)).toBe(0);
  });

  it("a manager handing the lead off directly closes a rep's waiting handoff; the approved handoff itself ends done", async () => {
    const { alex, sarah, mike, manager } = await team();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const waiting = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Sarah?" });
    const direct = await proposeHandoff(manager, { lead_id: lead.id, to_admin_id: mike.id, reason: "Mike has the account" });
    expect(direct.state).toBe("done");
    await expectCancelled(waiting.id, lead.id, "handed_off", manager.id);
    expect((await requestRow(direct.id)).state).toBe("done");
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ assignedAdminId: mike.id });
    expect((await inbox(alex.id, lead.id)).map((n) => n.body)).toContain("Nothing to decide any more: the lead was handed off another way.");

    // An approved handoff moves the lead through the same hook and stays `done`.
    const other = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const r = await proposeHandoff(alex, { lead_id: other.id, to_admin_id: sarah.id, reason: "Approve me" });
    await approveLeadRequest(manager, { request_id: r.id });
    expect((await requestRow(r.id)).state).toBe("done");
    expect(await typesOf(other.id)).not.toContain("request_cancelled");
  });

  it("an approved loss ends done; a manager's direct reopen closes the rep's waiting reopen request", async () => {
    const { alex, manager } = await team();
    await setRequestSettings(manager, { loseApprovalEnabled: true, loseApprovalAbove: "1000", reopenApproval: true });
    try {
      const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id, estimatedValue: 5000 });
      const loss = await requestLeadLoss(alex, { lead_id: lead.id, reason: "No budget" });
      await approveLeadRequest(manager, { request_id: loss.id });
      expect((await requestRow(loss.id)).state).toBe("done");
      expect(await typesOf(lead.id)).not.toContain("request_cancelled");

      const reopen = await requestLeadReopen(alex, { lead_id: lead.id, reason: "They called back" });
      await reopenLead(manager, { lead_id: lead.id });
      await expectCancelled(reopen.id, lead.id, "reopened", manager.id);
      expect(await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ status: "pending", assignedAdminId: null });
    } finally {
      await setRequestSettings(manager, { loseApprovalEnabled: false, reopenApproval: false });
    }
  });
});

describe("approve and release at the same moment", () => {
  it("exactly one wins; the request ends done with the lead moved, or cancelled with the lead in the pool", async () => {
    const { alex, sarah, manager } = await team();
    await setRequestSettings(manager, { loseApprovalEnabled: true, loseApprovalAbove: "1000" });
    try {
      for (let i = 0; i < 8; i++) {
        const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id, estimatedValue: 5000 });
        // Alternate the kinds: a handoff's approval moves the lead, a loss's closes it.
        const r =
          i % 2 === 0
            ? await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Race" })
            : await requestLeadLoss(alex, { lead_id: lead.id, reason: "Race" });
        const [approve, release] = await Promise.allSettled([
          approveLeadRequest(manager, { request_id: r.id }),
          releaseLead(alex, { lead_id: lead.id }),
        ]);
        expect([approve, release].filter((o) => o.status === "fulfilled")).toHaveLength(1);
        const row = await requestRow(r.id);
        const now = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
        const types = await typesOf(lead.id);
        if (approve.status === "fulfilled") {
          expect(row.state).toBe("done");
          expect(now).toMatchObject(i % 2 === 0 ? { assignedAdminId: sarah.id } : { status: "lost" });
          // Release came second: not Alex's lead any more (403), or a lost lead (409).
          expect((release as PromiseRejectedResult).reason.status).toBe(i % 2 === 0 ? 403 : 409);
          expect(types).not.toContain("request_cancelled");
        } else {
          expect(row).toMatchObject({ state: "cancelled", cancelReason: "released" });
          expect(now).toMatchObject({ status: "pending", assignedAdminId: null });
          expect((approve as PromiseRejectedResult).reason).toMatchObject({ status: 409, message: expect.stringMatching(/^This request was closed \(the lead was released/) });
          expect(types).not.toContain("request_approved");
        }
        expect(types.filter((t) => t === "request_cancelled" || t === "request_approved")).toHaveLength(1);
      }
    } finally {
      await setRequestSettings(manager, { loseApprovalEnabled: false });
    }
  });
});
