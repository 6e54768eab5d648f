import { db } from "@/lib/db";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { assignLead } from "@/lib/leads/assign-lead";
import { claimLead } from "@/lib/leads/claim-lead";
import { convertLead } from "@/lib/leads/convert-lead";
import { markLeadLost } from "@/lib/leads/mark-lead-lost";
import { releaseLead } from "@/lib/leads/release-lead";
import { reopenLead } from "@/lib/leads/reopen-lead";
import { makeLead, makeUser } from "../fixtures/factories";
import { eventsOf, leadState } from "../fixtures/lead-state";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const chicago = (d: Date | string | null) =>
  d &&
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "America/Chicago",
    dateStyle: "short",
    timeStyle: "short",
  }).format(new Date(d));

async function setup() {
  const { actor: rep } = await makeUser();
  const { actor: other } = await makeUser();
  const { actor: manager } = await makeUser({ role: "super_admin" });
  return { rep, other, manager };
}

describe("the lead lifecycle", () => {
  it("writes one event for every transition, in order", async () => {
    const { rep, other, manager } = await setup();
    const lead = await makeLead();
    await claimLead(rep, { lead_id: lead.id });
    await addSalesAction(rep, { lead_id: lead.id, action_type: "call", outcome: "voicemail" });
    await releaseLead(rep, { lead_id: lead.id });
    await assignLead(manager, { lead_id: lead.id, admin_id: other.id });
    await addSalesAction(other, { lead_id: lead.id, action_type: "email" });
    await assignLead(manager, { lead_id: lead.id, admin_id: rep.id });
    await markLeadLost(rep, { lead_id: lead.id, reason: "Price too high" });
    await reopenLead(manager, { lead_id: lead.id });
    await claimLead(other, { lead_id: lead.id });
    await convertLead(other, { lead_id: lead.id, conversion_value: "1800" });

    const events = (await eventsOf(lead.id)).map((e) => [e.type, e.fromStatus, e.toStatus, e.actorId]);
    expect(events).toEqual([
      ["claimed", "pending", "assigned", rep.id],
      ["status_changed", "assigned", "in_progress", rep.id],
      ["action_logged", null, null, rep.id],
      ["released", "in_progress", "pending", rep.id],
      ["assigned", "pending", "assigned", manager.id],
      ["status_changed", "assigned", "in_progress", other.id],
      ["action_logged", null, null, other.id],
      ["assigned", "in_progress", "assigned", manager.id],
      ["lost", "assigned", "lost", rep.id],
      ["reopened", "lost", "pending", manager.id],
      ["claimed", "pending", "assigned", other.id],
      ["converted", "assigned", "converted", other.id],
    ]);
  });
});

describe("addSalesAction", () => {
  it("moves assigned to in_progress on the first action and keeps the follow-up of the latest one", async () => {
    const { rep } = await setup();
    const lead = await makeLead({ status: "assigned", assignedAdminId: rep.id });
    const first = await addSalesAction(rep, {
      lead_id: lead.id,
      action_type: "call",
      outcome: "no_answer",
      action_description: "First try",
      notes: "Rang out",
      follow_up_date: day(3),
    });
    expect(first.status).toBe("in_progress");
    expect(chicago(first.next_follow_up_at)).toBe(`${day(3)} 09:00`);
    expect(first.last_call_outcome).toBe("no_answer");
    expect(first.last_contact_at).not.toBeNull();

    const second = await addSalesAction(rep, {
      lead_id: lead.id,
      action_type: "email",
      follow_up_date: day(10),
    });
    expect(chicago(second.next_follow_up_at)).toBe(`${day(10)} 09:00`);
    expect(second.last_call_outcome).toBe("no_answer"); // an email is not a call

    const third = await addSalesAction(rep, { lead_id: lead.id, action_type: "call", outcome: "interested" });
    expect(third.next_follow_up_at).toBeNull();
    expect(third.last_call_outcome).toBe("interested");
    const actions = await db.salesAction.findMany({ where: { leadId: lead.id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => [a.actionType, a.outcome, a.adminId])).toEqual([
      ["call", "no_answer", rep.id],
      ["email", null, rep.id],
      ["call", "interested", rep.id],
    ]);
    expect(actions[0]).toMatchObject({ actionDescription: "First try", notes: "Rang out" });
    expect((await eventsOf(lead.id)).filter((e) => e.type === "status_changed")).toHaveLength(1);
  });

  it("accepts a zoned timestamp as given", async () => {
    const { rep } = await setup();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    const at = new Date(Date.now() + 5 * 86_400_000);
    at.setUTCHours(16, 30, 0, 0);
    const r = await addSalesAction(rep, {
      lead_id: lead.id,
      action_type: "text",
      follow_up_date: at.toISOString(),
    });
    expect(r.next_follow_up_at).toBe(at.toISOString());
  });

  it("refuses another rep's lead with 403 and writes nothing; the manager may", async () => {
    const { rep, other, manager } = await setup();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    const before = await leadState(lead.id);
    await expect(
      addSalesAction(other, { lead_id: lead.id, action_type: "call", outcome: "answered" }),
    ).rejects.toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    expect(await leadState(lead.id)).toEqual(before);
    await addSalesAction(manager, { lead_id: lead.id, action_type: "meeting", notes: "Visited the yard" });
    expect((await leadState(lead.id)).actions).toBe(1);
  });

  it("404s a missing lead and 409s a pending or closed one", async () => {
    const { rep, manager } = await setup();
    await expect(addSalesAction(rep, { lead_id: 2_000_000_001, action_type: "email" })).rejects.toMatchObject(
      { status: 404 },
    );
    const pending = await makeLead();
    await expect(
      addSalesAction(manager, { lead_id: pending.id, action_type: "email" }),
    ).rejects.toMatchObject({ status: 409 });
    for (const status of ["converted", "lost"] as const) {
      const closed = await makeLead({ status, assignedAdminId: rep.id });
      await expect(addSalesAction(rep, { lead_id: closed.id, action_type: "email" })).rejects.toMatchObject({
        status: 409,
      });
      expect((await leadState(closed.id)).actions).toBe(0);
    }
  });

  it.each([
    ["action_type", { action_type: "fax" }],
    ["action_type", {}],
    ["outcome", { action_type: "call" }],
    ["outcome", { action_type: "call", outcome: "maybe" }],
    ["follow_up_date", { action_type: "email", follow_up_date: "next tuesday" }],
    ["follow_up_date", { action_type: "email", follow_up_date: "2026-02-31" }],
    ["follow_up_date", { action_type: "email", follow_up_date: "2020-01-01" }],
    ["follow_up_date", { action_type: "email", follow_up_date: day(900) }],
    ["notes", { action_type: "email", notes: "x".repeat(5001) }],
    ["action_description", { action_type: "email", action_description: "x".repeat(201) }],
  ])("answers 400 naming %s and writes nothing (%#)", async (field, body) => {
    const { rep } = await setup();
    const lead = await makeLead({ status: "assigned", assignedAdminId: rep.id });
    const before = await leadState(lead.id);
    await expect(addSalesAction(rep, { lead_id: lead.id, ...body } as never)).rejects.toMatchObject({
      status: 400,
      issues: expect.arrayContaining([expect.objectContaining({ path: field })]),
    });
    expect(await leadState(lead.id)).toEqual(before);
  });
});

describe("convertLead", () => {
  it("records the one conversion for the rep who holds the lead and closes it", async () => {
    const { rep, other, manager } = await setup();
    const lead = await makeLead({
      status: "in_progress",
      assignedAdminId: rep.id,
      nextFollowUpAt: new Date(Date.now() + 86_400_000),
    });
    await expect(convertLead(other, { lead_id: lead.id, conversion_value: "900" })).rejects.toMatchObject({
      status: 403,
    });
    expect(await db.salesConversion.count({ where: { leadId: lead.id } })).toBe(0);

    // The manager closes the rep's deal: the revenue is still the rep's.
    const r = await convertLead(manager, {
      lead_id: lead.id,
      conversion_value: "$2,450.50",
      conversion_type: "order_placed",
      order_id: "PO-77",
      notes: "Two chase cars",
    });
    expect(r).toMatchObject({ status: "converted", next_follow_up_at: null, assigned_admin_id: rep.id });
    expect(r.closed_at).not.toBeNull();
    const conversion = await db.salesConversion.findUniqueOrThrow({ where: { leadId: lead.id } });
    expect(conversion).toMatchObject({
      adminId: rep.id,
      conversionType: "order_placed",
      orderId: "PO-77",
      notes: "Two chase cars",
    });
    expect(conversion.conversionValue.toString()).toBe("2450.5");
    await expect(convertLead(manager, { lead_id: lead.id, conversion_value: "1" })).rejects.toMatchObject({
      status: 409,
    });
    expect(await db.salesConversion.count({ where: { leadId: lead.id } })).toBe(1);
  });

  it("credits the manager who converts an unassigned lead, who then holds it", async () => {
    const { rep, manager } = await setup();
    const lead = await makeLead();
    // A rep must claim first: a conflict with the lead's state, which claiming resolves (409).
    await expect(convertLead(rep, { lead_id: lead.id, conversion_value: "100" })).rejects.toMatchObject({
      status: 409,
      message: "Claim this lead before working it.",
    });
    const r = await convertLead(manager, { lead_id: lead.id, conversion_value: 750 });
    expect(r).toMatchObject({ status: "converted", assigned_admin_id: manager.id });
    expect(await db.salesConversion.findUniqueOrThrow({ where: { leadId: lead.id } })).toMatchObject({
      adminId: manager.id,
      conversionType: "manual_mark",
    });
  });

  it.each([
    ["conversion_value", {}],
    ["conversion_value", { conversion_value: "" }],
    ["conversion_value", { conversion_value: "0" }],
    ["conversion_value", { conversion_value: "-5" }],
    ["conversion_value", { conversion_value: "abc" }],
    ["conversion_value", { conversion_value: "12.345" }],
    ["conversion_value", { conversion_value: "99999999999" }],
    ["conversion_type", { conversion_value: "10", conversion_type: "barter" }],
    ["order_id", { conversion_value: "10", order_id: "x".repeat(101) }],
  ])("answers 400 naming %s and writes nothing (%#)", async (field, body) => {
    const { rep } = await setup();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    const before = await leadState(lead.id);
    await expect(convertLead(rep, { lead_id: lead.id, ...body } as never)).rejects.toMatchObject({
      status: 400,
      issues: expect.arrayContaining([expect.objectContaining({ path: field })]),
    });
    expect(await leadState(lead.id)).toEqual(before);
  });
});

describe("markLeadLost", () => {
  it("needs a reason, closes the lead with it, and is final", async () => {
    const { rep, other, manager } = await setup();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    const before = await leadState(lead.id);
    for (const reason of [undefined, "", "   ", null]) {
      await expect(markLeadLost(rep, { lead_id: lead.id, reason } as never)).rejects.toMatchObject({
        status: 400,
        issues: [expect.objectContaining({ path: "reason" })],
      });
    }
    await expect(markLeadLost(other, { lead_id: lead.id, reason: "Not mine" })).rejects.toMatchObject({
      status: 403,
    });
    expect(await leadState(lead.id)).toEqual(before);

    const r = await markLeadLost(rep, {
      lead_id: lead.id,
      reason: "Went with another escort company",
      notes: "Cheaper by $200",
    });
    expect(r).toMatchObject({ status: "lost", lost_reason: "Went with another escort company" });
    expect(r.closed_at).not.toBeNull();
    const [event] = (await eventsOf(lead.id)).filter((e) => e.type === "lost");
    expect(event.data).toMatchObject({
      reason: "Went with another escort company",
      notes: "Cheaper by $200",
    });
    await expect(markLeadLost(manager, { lead_id: lead.id, reason: "Again" })).rejects.toMatchObject({
      status: 409,
    });
    await expect(convertLead(manager, { lead_id: lead.id, conversion_value: "10" })).rejects.toMatchObject({
      status: 409,
    });
  });

  it("lets the manager mark any lead lost", async () => {
    const { rep, manager } = await setup();
    const lead = await makeLead({ status: "assigned", assignedAdminId: rep.id });
    expect(await markLeadLost(manager, { lead_id: lead.id, reason: "Duplicate" })).toMatchObject({
      status: "lost",
    });
  });
});

describe("reopenLead", () => {
  it("is the manager's alone (a rep gets 403, nothing written) and only for lost leads", async () => {
    const { rep, manager } = await setup();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    await markLeadLost(rep, { lead_id: lead.id, reason: "No response" });
    const before = await leadState(lead.id);
    await expect(reopenLead(rep, { lead_id: lead.id })).rejects.toMatchObject({
      status: 403,
      message: "Only a manager can reopen a lead.",
    });
    expect(await leadState(lead.id)).toEqual(before);

    const r = await reopenLead(manager, { lead_id: lead.id });
    expect(r).toMatchObject({
      status: "pending",
      assigned_admin_id: null,
      lost_reason: null,
      closed_at: null,
    });
    const [event] = (await eventsOf(lead.id)).filter((e) => e.type === "reopened");
    expect(event.data).toMatchObject({ previous_reason: "No response", previous_admin_id: rep.id });

    await expect(reopenLead(manager, { lead_id: lead.id })).rejects.toMatchObject({ status: 409 });
    const converted = await makeLead({ status: "converted", assignedAdminId: rep.id });
    await expect(reopenLead(manager, { lead_id: converted.id })).rejects.toMatchObject({ status: 409 });
    await expect(reopenLead(manager, { lead_id: 2_000_000_002 })).rejects.toMatchObject({ status: 404 });
  });
});

describe("assignLead and releaseLead", () => {
  it("lets the manager assign and reassign to any active admin; a rep gets 403", async () => {
    const { rep, other, manager } = await setup();
    const { user: inactive } = await makeUser({ active: false });
    const lead = await makeLead();
    const before = await leadState(lead.id);
    await expect(assignLead(rep, { lead_id: lead.id, admin_id: other.id })).rejects.toMatchObject({
      status: 403,
    });
    await expect(assignLead(manager, { lead_id: lead.id, admin_id: inactive.id })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "admin_id" })],
    });
    await expect(assignLead(manager, { lead_id: lead.id, admin_id: "x" as never })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "admin_id" })],
    });
    expect(await leadState(lead.id)).toEqual(before);

    expect(await assignLead(manager, { lead_id: lead.id, admin_id: rep.id })).toMatchObject({
      status: "assigned",
      assigned_admin_id: rep.id,
    });
    await addSalesAction(rep, { lead_id: lead.id, action_type: "email" });
    expect(await assignLead(manager, { lead_id: lead.id, admin_id: other.id })).toMatchObject({
      status: "assigned",
      assigned_admin_id: other.id,
    });
    await expect(assignLead(manager, { lead_id: lead.id, admin_id: other.id })).rejects.toMatchObject({
      status: 409,
    });
    const [, second] = (await eventsOf(lead.id)).filter((e) => e.type === "assigned");
    expect(second.data).toMatchObject({ from_admin_id: rep.id, to_admin_id: other.id });
  });

  it("lets a rep release their own lead and the manager any; not another rep's", async () => {
    const { rep, other, manager } = await setup();
    const lead = await makeLead({
      status: "in_progress",
      assignedAdminId: rep.id,
      nextFollowUpAt: new Date(Date.now() + 86_400_000),
    });
    await expect(releaseLead(other, { lead_id: lead.id })).rejects.toMatchObject({ status: 403 });
    expect(await releaseLead(rep, { lead_id: lead.id })).toMatchObject({
      status: "pending",
      assigned_admin_id: null,
      next_follow_up_at: null,
    });
    await expect(releaseLead(rep, { lead_id: lead.id })).rejects.toMatchObject({ status: 409 });
    const held = await makeLead({ status: "assigned", assignedAdminId: other.id });
    expect(await releaseLead(manager, { lead_id: held.id })).toMatchObject({ status: "pending" });
  });
});
