// The business events of the audit log (issue #14): each lead transition, template and territory
// change and settings change writes one audit_log row, in the transaction of the change, naming
// the actor, the target and the state before and after; a refused change writes none.
import { db } from "@/lib/db";
import { assignLead } from "@/lib/leads/assign-lead";
import { claimLead } from "@/lib/leads/claim-lead";
import { convertLead } from "@/lib/leads/convert-lead";
import { markLeadLost } from "@/lib/leads/mark-lead-lost";
import { reopenLead } from "@/lib/leads/reopen-lead";
import { releaseLead } from "@/lib/leads/release-lead";
import { saveTemplate } from "@/lib/email/save-template";
import { archiveTemplate } from "@/lib/email/archive-template";
import { createTerritory } from "@/lib/territories/create-territory";
import { renameTerritory } from "@/lib/territories/rename-territory";
import { setTerritoryStates } from "@/lib/territories/set-territory-states";
import { addTerritoryMember } from "@/lib/territories/add-territory-member";
import { removeTerritoryMember } from "@/lib/territories/remove-territory-member";
import { deleteTerritory } from "@/lib/territories/delete-territory";
import { setTerritorySettings } from "@/lib/territories/set-territory-settings";
import { autoAssignLead } from "@/lib/territories/auto-assign-lead";
import { getCompanySettings, putCompanySetting } from "@/lib/kernel/company-settings";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { proposeHandoff } from "@/lib/requests/propose-handoff";
import { approveLeadRequest } from "@/lib/requests/approve-lead-request";
import { declineLeadRequest } from "@/lib/requests/decline-lead-request";
import { withdrawLeadRequest } from "@/lib/requests/withdraw-lead-request";
import { makeLead, makeUser, uid } from "../fixtures/factories";
import { makeTerritory } from "../fixtures/calls";
import { inRequest } from "../fixtures/request-scope";

beforeAll(() => {
  process.env.TRUST_PROXY = "1";
});

const audit = (targetType: string, targetId: number) =>
  db.auditLog.findMany({ where: { targetType, targetId: String(targetId) }, orderBy: { id: "asc" } });

describe("audit log: business events", () => {
  it("records a lead assigned, reassigned, released, lost, reopened and converted, with before and after", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const lead = await makeLead();

    await assignLead(manager, { lead_id: lead.id, admin_id: rep.id });
    await assignLead(manager, { lead_id: lead.id, admin_id: other.id });
    await releaseLead(other, { lead_id: lead.id });
    await claimLead(rep, { lead_id: lead.id });
    await markLeadLost(rep, { lead_id: lead.id, reason: "Went with a competitor" });
    await reopenLead(manager, { lead_id: lead.id });
    await assignLead(manager, { lead_id: lead.id, admin_id: rep.id });
    // The client address comes from the request being served (TRUST_PROXY=1: X-Forwarded-For).
    await inRequest("/admin/crm/leads", undefined, () => convertLead(rep, { lead_id: lead.id, conversion_value: "1250.50", order_id: "ORD-1" }), {
      "x-forwarded-for": "198.51.100.77",
    });

    const rows = await audit("lead", lead.id);
    expect(rows.map((r) => r.action)).toEqual([
      "lead.assigned",
      "lead.reassigned",
      "lead.released",
      "lead.lost",
      "lead.reopened",
      "lead.assigned",
      "lead.converted",
    ]);
    expect(rows[0]).toMatchObject({
      actorId: manager.id,
      actorEmail: manager.email,
      before: { status: "pending", assigned_admin_id: null },
      after: { status: "assigned", assigned_admin_id: rep.id },
    });
    expect(rows[1]).toMatchObject({ before: { assigned_admin_id: rep.id }, after: { assigned_admin_id: other.id } });
    expect(rows[2]).toMatchObject({ actorId: other.id, before: { status: "assigned", assigned_admin_id: other.id }, after: { status: "pending", assigned_admin_id: null } });
    expect(rows[3]).toMatchObject({ actorId: rep.id, before: { status: "assigned" }, after: { status: "lost", lost_reason: "Went with a competitor" } });
    expect(rows[4]).toMatchObject({ actorId: manager.id, before: { status: "lost", assigned_admin_id: rep.id, lost_reason: "Went with a competitor" }, after: { status: "pending" } });
    expect(rows[6]).toMatchObject({
      actorId: rep.id,
      ip: "198.51.100.77",
      before: { status: "assigned", assigned_admin_id: rep.id },
      after: { status: "converted", value: "1250.50", order_id: "ORD-1" },
    });

    // A refused step (a rep may not reopen; a converted lead cannot be lost) writes nothing.
    await expect(markLeadLost(rep, { lead_id: lead.id, reason: "x" })).rejects.toMatchObject({ status: 409 });
    expect(await audit("lead", lead.id)).toHaveLength(7);
  });

  it("records a lead the company's auto-assignment gave out, with no person as actor", async () => {
    const { actor: rep } = await makeUser();
    // A state no other test file's territories hold: auto-assignment picks among every rep whose
    // territory touches the lead (a shared "WY" once handed it to another file's rep in CI).
    await makeTerritory(["MA"], [rep.id]);
    const lead = await makeLead({ states: ["MA"] });
    // Auto-assignment is on only inside this transaction, so tests running beside it never see it on.
    await db.$transaction(async (tx) => {
      const { autoAssign } = await getCompanySettings(tx);
      await putCompanySetting(tx, "autoAssign", { enabled: true, cap: 100 });
      await autoAssignLead(tx, lead.id);
      await putCompanySetting(tx, "autoAssign", autoAssign);
    });
    const [row] = await audit("lead", lead.id);
    expect(row).toMatchObject({ action: "lead.assigned", actorId: null, after: { assigned_admin_id: rep.id, auto: true } });
  });

  it("records templates created, changed and archived", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const t = await saveTemplate(manager, { name: `Intro ${uid()}`, subject: "Hello {{company_name}}", body: "First body", shared: true });
    await saveTemplate(manager, { id: t.id, name: t.name, subject: "Hi {{company_name}}", body: "Second body", expectedVersion: t.version });
    // A rep may use a shared template but not change it: refused, nothing recorded.
    await expect(saveTemplate(rep, { id: t.id, name: t.name, subject: "x", body: "y" })).rejects.toMatchObject({ status: 403 });
    await archiveTemplate(manager, { id: t.id });

    const rows = await audit("template", t.id);
    expect(rows.map((r) => r.action)).toEqual(["template.created", "template.changed", "template.archived"]);
    expect(rows[0]).toMatchObject({ actorId: manager.id, after: { subject: "Hello {{company_name}}", shared: true } });
    expect(rows[1]).toMatchObject({
      before: { subject: "Hello {{company_name}}", body: "First body", version: 1 },
      after: { subject: "Hi {{company_name}}", body: "Second body", version: 2 },
    });
    expect(rows[2]).toMatchObject({ before: { archived: false }, after: { archived: true } });
  });

  it("records territories created, renamed, re-stated, reps added and removed, deleted", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const name = `Audit ${uid()}`;
    const t = await createTerritory(manager, { name, states: ["KS"] });
    await renameTerritory(manager, { territoryId: t.id, name: `${name} 2` });
    await setTerritoryStates(manager, { territoryId: t.id, states: ["KS", "NE"] });
    await addTerritoryMember(manager, { territoryId: t.id, userId: rep.id });
    await addTerritoryMember(manager, { territoryId: t.id, userId: rep.id }); // already there: no change, no entry
    await expect(createTerritory(manager, { name: `${name} 2`, states: ["KS"] })).rejects.toMatchObject({ status: 409 });
    await removeTerritoryMember(manager, { territoryId: t.id, userId: rep.id });
    await addTerritoryMember(manager, { territoryId: t.id, userId: rep.id });
    await deleteTerritory(manager, { territoryId: t.id });
    await expect(deleteTerritory(manager, { territoryId: t.id })).rejects.toMatchObject({ status: 404 });

    const rows = await audit("territory", t.id);
    expect(rows.map((r) => r.action)).toEqual([
      "territory.created",
      "territory.changed",
      "territory.changed",
      "territory.rep_added",
      "territory.rep_removed",
      "territory.rep_added",
      "territory.deleted",
    ]);
    expect(rows.every((r) => r.actorId === manager.id)).toBe(true);
    expect(rows[0].after).toEqual({ name, states: ["KS"] });
    expect(rows[1]).toMatchObject({ before: { name }, after: { name: `${name} 2` } });
    expect(rows[2]).toMatchObject({ before: { states: ["KS"] }, after: { states: ["KS", "NE"] } });
    expect(rows[3].after).toEqual({ user_id: rep.id });
    expect(rows[4].before).toEqual({ user_id: rep.id });
    expect(rows[6].before).toEqual({ name: `${name} 2`, states: ["KS", "NE"], rep_ids: [rep.id] });
  });

  it("records company settings changes with before and after", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const previous = (await db.setting.findUnique({ where: { key: "call_stale_days" } }))?.value ?? 7;
    await setTerritorySettings(manager, { staleDays: 9 });
    try {
      const [row] = await db.auditLog.findMany({ where: { actorId: manager.id, action: "settings.changed" } });
      expect(row).toMatchObject({ targetType: "settings", targetId: "territory_settings", after: { staleDays: 9 } });
      expect((row.before as { staleDays: number }).staleDays).not.toBe(9);
    } finally {
      await setTerritorySettings(manager, { staleDays: Number(previous) });
    }
    await setTerritorySettings(manager, { staleDays: Number(previous) }); // unchanged: no entry
    await expect(setTerritorySettings(rep, { staleDays: 3 })).rejects.toMatchObject({ status: 404 });
    expect(await db.auditLog.count({ where: { actorId: rep.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: manager.id, action: "settings.changed" } })).toBe(2);
  });

  it("records every step of a lead request and the handoff, with the request as target (issue #21)", async () => {
    const { actor: alex } = await makeUser();
    const { actor: sarah } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const lead = await makeLead({ status: "in_progress", assignedAdminId: alex.id });
    const first = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Audit me" });
    await withdrawLeadRequest(alex, { request_id: first.id });
    const second = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Again" });
    await declineLeadRequest(manager, { request_id: second.id, note: "No" });
    const third = await proposeHandoff(alex, { lead_id: lead.id, to_admin_id: sarah.id, reason: "Third time" });
    await approveLeadRequest(manager, { request_id: third.id });
    const rows = await db.auditLog.findMany({
      where: { OR: [{ targetType: "lead_request", targetId: { in: [first.id, second.id, third.id].map(String) } }, { action: "lead.handed_off", targetId: String(lead.id) }] },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ["request.created", alex.id],
      ["request.withdrawn", alex.id],
      ["request.created", alex.id],
      ["request.declined", manager.id],
      ["request.created", alex.id],
      ["request.approved", manager.id],
      ["lead.handed_off", manager.id],
    ]);
    expect(rows[3]).toMatchObject({ before: { state: "awaiting_approval" }, after: { state: "declined", note: "No", lead_id: lead.id } });
    expect(rows[6]).toMatchObject({ before: { assigned_admin_id: alex.id }, after: { assigned_admin_id: sarah.id, request_id: third.id } });
    for (const action of ["request.created", "request.approved", "request.accepted", "request.declined", "request.withdrawn", "request.cancelled", "lead.handed_off"])
      expect(AUDIT_ACTIONS).toContain(action);
  });

  it("lets the manager filter the audit page by every new kind", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    for (const action of ["lead.assigned", "lead.reassigned", "lead.released", "lead.converted", "lead.lost", "lead.reopened",
      "template.created", "template.changed", "template.archived", "territory.created", "territory.changed",
      "territory.deleted", "territory.rep_added", "territory.rep_removed", "settings.changed",
      "company.merged", "company.merge_requested", "company.merge_request_dismissed",
      // issue 21; their entries are checked in away-periods.test.ts and notes.test.ts
      "away.set", "away.ended", "note.deleted"]) {
      expect(AUDIT_ACTIONS).toContain(action);
      const page = await listAuditLog(manager, { action });
      expect(page.rows.every((r) => r.action === action)).toBe(true);
    }
  });
});
