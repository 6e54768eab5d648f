import crypto from "node:crypto";
import pg from "pg";
import { db } from "@/lib/db";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { claimLead } from "@/lib/leads/claim-lead";
import { convertLead } from "@/lib/leads/convert-lead";
import { getLeadDetail } from "@/lib/leads/get-lead-detail";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { setRequestSettings } from "@/lib/requests/set-request-settings";
import { makeCompany, makeLead, makeUser } from "../fixtures/factories";

describe("getLeadTimeline", () => {
  it("merges activities, actions, events, emails and the conversion, newest first, each once", async () => {
    const { actor: rep } = await makeUser();
    const lead = await makeLead();
    await db.leadActivity.create({
      data: {
        leadId: lead.id,
        source: "quote",
        payload: { total_cost: 1800 },
        occurredAt: new Date(Date.now() - 60_000),
      },
    });
    await claimLead(rep, { lead_id: lead.id });
    await addSalesAction(rep, {
      lead_id: lead.id,
      action_type: "call",
      outcome: "interested",
      notes: "Wants 2 cars",
    });
    await db.emailMessage.create({
      data: {
        leadId: lead.id,
        senderId: rep.id,
        toEmail: "ops@carrier.example",
        fromEmail: "crm@pilot.example",
        replyToken: crypto.randomBytes(8).toString("hex"),
        subject: "Your escort quote",
        bodyText: "Hi",
        bodyHtml: "<p>Hi</p>",
        status: "delivered",
        openCount: 2,
      },
    });
    await convertLead(rep, { lead_id: lead.id, conversion_value: "1800", order_id: "PO-9" });

    const items = (await getLeadTimeline(rep, { lead_id: lead.id })).items;
    const kinds = items.map((i) => (i.kind === "event" ? `event:${i.data.type}` : i.kind));
    // The call and the status change it caused share a transaction (and often a millisecond).
    expect([kinds.slice(0, 2), kinds.slice(2, 4).sort(), kinds.slice(4)]).toEqual([
      ["conversion", "email"],
      ["action", "event:status_changed"],
      ["event:claimed", "activity"],
    ]);
    expect(items[0].data).toMatchObject({ value: 1800, order_id: "PO-9" });
    expect(items[1]).toMatchObject({
      actorName: rep.name,
      data: { subject: "Your escort quote", status: "delivered", open_count: 2 },
    });
    expect(items.find((i) => i.kind === "action")?.data).toMatchObject({
      action_type: "call",
      outcome: "interested",
      notes: "Wants 2 cars",
    });
  });

  it("covers every lead of a company", async () => {
    const { actor } = await makeUser();
    const company = await makeCompany();
    const a = await makeLead({ companyId: company.id });
    const b = await makeLead({ companyId: company.id });
    await claimLead(actor, { lead_id: a.id });
    await claimLead(actor, { lead_id: b.id });
    const items = (await getLeadTimeline(actor, { company_id: company.id })).items;
    expect(new Set(items.map((i) => i.leadId))).toEqual(new Set([a.id, b.id]));
    await expect(getLeadTimeline(actor, { lead_id: "x" } as never)).rejects.toMatchObject({ status: 400 });
  });
});

describe("getLeadDetail", () => {
  it("says which buttons the viewer may use", async () => {
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const pending = await makeLead();
    expect((await getLeadDetail(rep, { lead_id: pending.id })).may).toEqual({
      claim: true,
      assign: false,
      release: false,
      act: false,
      convert: false,
      markLost: false,
      reopen: false,
      email: false,
      snooze: false,
      enrol: false,
    });
    expect((await getLeadDetail(manager, { lead_id: pending.id })).may).toMatchObject({
      claim: true,
      assign: true,
      convert: true,
      act: false,
    });

    const held = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    expect((await getLeadDetail(rep, { lead_id: held.id })).may).toMatchObject({
      claim: false,
      act: true,
      convert: true,
      markLost: true,
      release: true,
      email: true,
      // Nothing planned, nothing to snooze.
      snooze: false,
      enrol: true,
    });
    const planned = await makeLead({ status: "in_progress", assignedAdminId: rep.id, nextFollowUpAt: new Date(Date.now() + 3_600_000) });
    expect((await getLeadDetail(rep, { lead_id: planned.id })).may.snooze).toBe(true);
    expect((await getLeadDetail(other, { lead_id: planned.id })).may.snooze).toBe(false);
    expect((await getLeadDetail(other, { lead_id: held.id })).may).toMatchObject({
      act: false,
      convert: false,
      markLost: false,
      release: false,
      email: false,
    });

    const lost = await makeLead({ status: "lost", assignedAdminId: rep.id });
    expect((await getLeadDetail(rep, { lead_id: lost.id })).may.reopen).toBe(false);
    expect((await getLeadDetail(manager, { lead_id: lost.id })).may).toMatchObject({
      reopen: true,
      convert: false,
      assign: false,
    });
    await expect(getLeadDetail(rep, { lead_id: 2_000_000_030 })).rejects.toMatchObject({ status: 404 });
  });

  it("carries the company, its contacts and the service data", async () => {
    const { actor } = await makeUser();
    const company = await makeCompany({ name: "Detail Co" });
    await db.contact.create({
      data: {
        companyId: company.id,
        name: "Rosa Ortiz",
        title: "Dispatcher",
        phone: "+1 512 555 0111",
        email: "rosa@detail.example",
      },
    });
    const lead = await makeLead({ companyId: company.id });
    const d = await getLeadDetail(actor, { lead_id: lead.id });
    expect(d.company).toMatchObject({ id: company.id, name: "Detail Co", phone: company.phone });
    expect(d.contacts).toEqual([
      expect.objectContaining({ name: "Rosa Ortiz", title: "Dispatcher", phone: "+1 512 555 0111" }),
    ]);
    expect(d.leadData).toMatchObject({ route: { origin: { city: "Austin", state: "TX" }, miles: 450 } });
  });
});

describe("getLeadDetail in one statement (issue #19: the lead page's first paint)", () => {
  afterEach(async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    await setRequestSettings(manager, { handoffApproval: "manager", loseApprovalEnabled: false, reopenApproval: false });
  });

  it("reads the lead, company, contacts, holder, conversion, cover and settings with one query, as the Prisma reads did", async () => {
    const { actor: holder } = await makeUser({ name: "Alex Holder", phone: "+1 512 555 0100" });
    const { actor: cover } = await makeUser({ name: "Sarah Cover" });
    const { actor: manager } = await makeUser({ role: "super_admin", name: "Maria Manager" });
    const company = await makeCompany({ name: "One Statement Co", usdot: "1234567" });
    // Two contacts, stored out of name order: the detail lists them by name.
    for (const name of ["Zed Dispatch", "Ann Owner"]) {
      await db.contact.create({ data: { companyId: company.id, name, title: "Ops", email: `${name[0]}@one.example`, phone: null } });
    }
    const follow = new Date(Date.now() + 3_600_000);
    const lead = await makeLead({
      companyId: company.id,
      status: "in_progress",
      assignedAdminId: holder.id,
      estimatedValue: 2500.5,
      nextFollowUpAt: follow,
      lastContactAt: new Date(Date.now() - 60_000),
    });
    const ends = new Date(Date.now() + 48 * 3_600_000);
    await db.userAwayPeriod.create({
      data: { userId: holder.id, coverUserId: cover.id, startsAt: new Date(Date.now() - 3_600_000), endsAt: ends, createdById: holder.id },
    });
    // "Mark lost" above $1,000 needs the manager: the setting is read in the same statement.
    await setRequestSettings(manager, { handoffApproval: "manager", loseApprovalEnabled: true, loseApprovalAbove: "1000", reopenApproval: false });
    expect((await getLeadDetail(holder, { lead_id: lead.id })).may.markLost).toBe(false);
    await setRequestSettings(manager, { loseApprovalEnabled: false });
    expect((await getLeadDetail(holder, { lead_id: lead.id })).may.markLost).toBe(true);

    const queries = jest.spyOn(pg.Client.prototype, "query");
    const d = await getLeadDetail(cover, { lead_id: lead.id });
    const statements = queries.mock.calls.length;
    queries.mockRestore();

    const row = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(d).toEqual({
      id: lead.id,
      status: "in_progress",
      leadSource: "load_plan",
      leadData: row.leadData,
      estimatedValue: 2500.5,
      haul: null,
      priorityScore: row.priorityScore,
      states: ["TX", "OK"],
      assignedAt: row.assignedAt!.toISOString(),
      nextFollowUpAt: follow.toISOString(),
      nextFollowUpHasTime: false,
      lastContactAt: row.lastContactAt!.toISOString(),
      lastCallOutcome: null,
      lostReason: null,
      closedAt: null,
      createdAt: row.createdAt.toISOString(),
      assignee: { id: holder.id, name: "Alex Holder", email: holder.email, phone: "+1 512 555 0100" },
      company: {
        id: company.id,
        name: "One Statement Co",
        email: company.email,
        phone: company.phone,
        usdot: "1234567",
        mcNumber: null,
        city: company.city,
        state: company.state,
      },
      contacts: [
        expect.objectContaining({ name: "Ann Owner", title: "Ops", email: "A@one.example", phone: null }),
        expect.objectContaining({ name: "Zed Dispatch", title: "Ops", email: "Z@one.example", phone: null }),
      ],
      coveringFor: { id: holder.id, name: "Alex Holder", until: ends.toISOString() },
      conversion: null,
      may: {
        claim: false,
        assign: false,
        release: false,
        // The cover logs and snoozes as the holder's cover; the rest stays the holder's.
        act: true,
        convert: false,
        markLost: false,
        reopen: false,
        email: false,
        snooze: true,
        enrol: false,
      },
    });
    expect(Object.keys(d.contacts[0]).sort()).toEqual(["email", "id", "name", "phone", "title"]);
    // One round trip (the Prisma reads took eight).
    expect(statements).toBe(1);
  });

  it("carries the conversion with who converted it", async () => {
    const { actor: rep } = await makeUser({ name: "Conor Converter" });
    const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    await convertLead(rep, { lead_id: lead.id, conversion_value: "1800.25", order_id: "PO-77", notes: "Two cars" });
    const saved = await db.salesConversion.findUniqueOrThrow({ where: { leadId: lead.id } });
    const d = await getLeadDetail(rep, { lead_id: lead.id });
    expect(d.conversion).toEqual({
      value: 1800.25,
      type: saved.conversionType,
      orderId: "PO-77",
      notes: "Two cars",
      adminName: "Conor Converter",
      createdAt: saved.createdAt.toISOString(),
    });
    expect(d.status).toBe("converted");
    expect(d.closedAt).not.toBeNull();
    expect(d.assignee).toMatchObject({ id: rep.id, name: "Conor Converter" });
  });

  it("answers 404 for a lead that does not exist and for a role that may not read leads, 400 for a bad id", async () => {
    const { actor: rep } = await makeUser();
    const lead = await makeLead();
    await expect(getLeadDetail(rep, { lead_id: 2_000_000_031 })).rejects.toMatchObject({ status: 404 });
    await expect(getLeadDetail({ ...rep, role: "nobody" } as never, { lead_id: lead.id })).rejects.toMatchObject({ status: 404 });
    await expect(getLeadDetail(rep, { lead_id: "x" } as never)).rejects.toMatchObject({ status: 400 });
  });
});
