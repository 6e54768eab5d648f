// What an accepted lead event does: company identity, consolidation, values, states, conversions.
import { db } from "@/lib/db";
import { createSalesLead } from "@/lib/ingest/create-sales-lead";
import { deleteExpiredWebhookReceipts } from "@/lib/ingest/delete-expired-webhook-receipts";
import { makeCompany, makeLead, makeUser, uid } from "../fixtures/factories";
import { companyFor, EVENT_DATA, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";

const SECRET = newSecret();
process.env.LEAD_WEBHOOK_SECRET = SECRET;

let POST: typeof import("@/app/api/webhooks/leads/route").POST;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/webhooks/leads/route"));
});

async function send(event: unknown) {
  const res = await POST(signedRequest(event, { secret: SECRET }).request);
  expect(res.status).toBe(202);
  return (await res.json()) as { lead_id: number; consolidated: boolean; status: string };
}

const MINUTE = 60_000;

describe("company identity", () => {
  it("makes one company, one lead and 20 activities from 20 simultaneous events of a new company", async () => {
    const company = companyFor();
    const types = ["load_plan", "quote", "location_share", "order_attempt"];
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(leadEvent(types[i % 4], { company }))));
    expect(await db.company.count({ where: { externalId: company.external_id } })).toBe(1);
    const leads = await db.salesLead.findMany({ where: { company: { externalId: company.external_id } }, include: { _count: { select: { activities: true } } } });
    expect(leads).toHaveLength(1);
    expect(leads[0]._count.activities).toBe(20);
    expect(new Set(answers.map((a) => a.lead_id))).toEqual(new Set([leads[0].id]));
    expect(answers.filter((a) => !a.consolidated)).toHaveLength(1);
    const events = await db.leadEvent.groupBy({ by: ["type"], where: { leadId: leads[0].id }, _count: true });
    expect(Object.fromEntries(events.map((e) => [e.type, e._count]))).toEqual({ created: 1, activity: 19 });
  });

  it("never splits a company identified by USDOT or email alone, even concurrently", async () => {
    const base = companyFor();
    const byUsdot = { name: base.name, usdot: base.usdot };
    const byEmail = { name: base.name, email: base.email.toUpperCase() };
    await Promise.all(Array.from({ length: 6 }, () => send(leadEvent("quote", { company: byUsdot }))));
    expect(await db.company.count({ where: { usdot: base.usdot } })).toBe(1);
    await Promise.all(Array.from({ length: 6 }, () => send(leadEvent("quote", { company: byEmail }))));
    expect(await db.company.count({ where: { emailNorm: base.email } })).toBe(1);
    // The host app's external_id later claims the company it finds by USDOT.
    await send(leadEvent("quote", { company: { ...byUsdot, external_id: base.external_id } }));
    const claimed = await db.company.findMany({ where: { usdot: base.usdot } });
    expect(claimed.map((c) => c.externalId)).toEqual([base.external_id]);
  });
});

describe("consolidation", () => {
  it("joins an open lead created 59 minutes ago and starts a new one after 61 minutes", async () => {
    const recent = await makeCompany();
    const recentLead = await makeLead({ companyId: recent.id, createdAt: new Date(Date.now() - 59 * MINUTE), estimatedValue: 500 });
    const joined = await send(leadEvent("quote", { company: { external_id: recent.externalId, name: recent.name } }));
    expect(joined).toEqual({ lead_id: recentLead.id, consolidated: true, status: "pending" });

    const old = await makeCompany();
    const oldLead = await makeLead({ companyId: old.id, createdAt: new Date(Date.now() - 61 * MINUTE) });
    const fresh = await send(leadEvent("quote", { company: { external_id: old.externalId, name: old.name } }));
    expect(fresh.consolidated).toBe(false);
    expect(fresh.lead_id).not.toBe(oldLead.id);
  });

  it("takes the window from LEAD_CONSOLIDATION_MINUTES", async () => {
    const company = await makeCompany();
    const lead = await makeLead({ companyId: company.id, createdAt: new Date(Date.now() - 30 * MINUTE) });
    process.env.LEAD_CONSOLIDATION_MINUTES = "20";
    try {
      const answer = await send(leadEvent("quote", { company: { external_id: company.externalId, name: company.name } }));
      expect(answer.consolidated).toBe(false);
      expect(answer.lead_id).not.toBe(lead.id);
    } finally {
      delete process.env.LEAD_CONSOLIDATION_MINUTES;
    }
  });

  it("makes one lead from simultaneous events naming one company in different ways", async () => {
    const company = await makeCompany();
    const ways = [
      { external_id: company.externalId, name: company.name },
      { usdot: company.usdot, name: company.name },
      { email: company.email, name: company.name },
    ];
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => send(leadEvent("quote", { company: ways[i % 3] }))));
    expect(new Set(answers.map((a) => a.lead_id)).size).toBe(1);
    expect(await db.salesLead.count({ where: { companyId: company.id } })).toBe(1);
    expect(await db.leadActivity.count({ where: { leadId: answers[0].lead_id } })).toBe(12);
  });

  it("joins an assigned lead but not one in progress, and counts from the event's time", async () => {
    const { user: rep } = await makeUser();
    const a = await makeCompany();
    const assigned = await makeLead({ companyId: a.id, status: "assigned", assignedAdminId: rep.id });
    expect((await send(leadEvent("load_plan", { company: { external_id: a.externalId, name: a.name } }))).lead_id).toBe(assigned.id);

    const b = await makeCompany();
    const working = await makeLead({ companyId: b.id, status: "in_progress", assignedAdminId: rep.id });
    expect((await send(leadEvent("load_plan", { company: { external_id: b.externalId, name: b.name } }))).lead_id).not.toBe(working.id);

    // An event that happened 30 minutes ago, delivered now, joins a lead made 80 minutes ago.
    const c = await makeCompany();
    const older = await makeLead({ companyId: c.id, createdAt: new Date(Date.now() - 80 * MINUTE) });
    const late = leadEvent("load_plan", { company: { external_id: c.externalId, name: c.name }, occurred_at: new Date(Date.now() - 30 * MINUTE).toISOString() });
    expect((await send(late)).lead_id).toBe(older.id);
  });

  it("merges data, states, value, activity time and priority as events join", async () => {
    const company = companyFor(uid(), { state: "ne" });
    const first = await send(leadEvent("load_plan", { company }));
    const before = await db.salesLead.findUniqueOrThrow({ where: { id: first.lead_id } });
    // Its haul (120 ft long, 14 ft wide on interstates, TX→OK→KS, 450 mi split evenly): TX one
    // rear escort, OK two, KS unknown → (1 + 2) × 150 mi × $2.00 = $900.
    expect(Number(before.estimatedValue)).toBe(900);
    expect(before.states).toEqual(["TX", "OK", "KS", "NE"]);

    await send(leadEvent("quote", { company }));
    const after = await db.salesLead.findUniqueOrThrow({ where: { id: first.lead_id } });
    expect(Number(after.estimatedValue)).toBe(2350.75);
    expect(after.states).toEqual(["TX", "OK", "KS", "NE", "CO"]);
    expect(after.priorityScore).toBeGreaterThan(before.priorityScore);
    expect(after.lastActivityAt.getTime()).toBeGreaterThanOrEqual(before.lastActivityAt.getTime());
    const data = after.leadData as Record<string, unknown> & { history: { type: string }[] };
    expect(data.route).toBeDefined(); // from the load plan
    expect(data.total_cost).toBe(2350.75); // from the quote
    expect(data.history.map((h) => h.type)).toEqual(["load_plan", "quote"]);

    // A smaller value never lowers the estimate.
    await send(leadEvent("load_plan", { company }));
    expect(Number((await db.salesLead.findUniqueOrThrow({ where: { id: first.lead_id } })).estimatedValue)).toBe(2350.75);
  });

  it("values a location share at the average of the latest 1 000 conversions, an order attempt at its total", async () => {
    const avg = async () =>
      Number(
        (
          await db.$queryRaw<{ a: string }[]>`
            SELECT coalesce(round(avg(conversion_value), 2), 1200)::text AS a
            FROM (SELECT conversion_value FROM sales_conversions ORDER BY created_at DESC LIMIT 1000) AS recent`
        )[0].a,
      );
    const low = await avg();
    const share = await send(leadEvent("location_share"));
    const high = await avg();
    const value = Number((await db.salesLead.findUniqueOrThrow({ where: { id: share.lead_id } })).estimatedValue);
    // Other test files convert leads meanwhile: the average read at the time lies between the two.
    expect(value).toBeGreaterThanOrEqual(Math.min(low, high));
    expect(value).toBeLessThanOrEqual(Math.max(low, high));

    const attempt = await send(leadEvent("order_attempt"));
    expect(Number((await db.salesLead.findUniqueOrThrow({ where: { id: attempt.lead_id } })).estimatedValue)).toBe(3100);
  });
});

describe("conversions by event", () => {
  it("converts the open lead on order_placed with the order total, once", async () => {
    const { user: rep } = await makeUser();
    const company = await makeCompany();
    const lead = await makeLead({ companyId: company.id, status: "in_progress", assignedAdminId: rep.id, createdAt: new Date(Date.now() - 3 * 24 * 60 * MINUTE) });
    const who = { external_id: company.externalId, name: company.name };
    const orderId = `PO-${uid()}`;
    const placed = leadEvent("order_placed", { company: who, data: { order_id: orderId, total: 4321.5 } });
    expect(await send(placed)).toEqual({ lead_id: lead.id, consolidated: true, status: "converted" });
    const conversion = await db.salesConversion.findUniqueOrThrow({ where: { leadId: lead.id } });
    expect(conversion).toMatchObject({ orderId, conversionType: "order_placed", adminId: rep.id });
    expect(Number(conversion.conversionValue)).toBe(4321.5);
    const converted = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(converted.status).toBe("converted");
    expect(converted.closedAt).not.toBeNull();
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "converted", toStatus: "converted" } })).toBe(1);

    // The same order again under another webhook id: recorded, not converted twice.
    const again = await send({ ...placed, occurred_at: new Date().toISOString() });
    expect(again).toEqual({ lead_id: lead.id, consolidated: true, status: "converted" });
    expect(await db.salesConversion.count({ where: { lead: { companyId: company.id } } })).toBe(1);
    expect(await db.leadActivity.count({ where: { leadId: lead.id, source: "order_placed" } })).toBe(2);
  });

  it("creates a converted lead when an order arrives with no open lead, and records registrations", async () => {
    const company = companyFor();
    const placed = await send(leadEvent("order_placed", { company, data: { order_id: `PO-${uid()}`, total: 800 } }));
    expect(placed).toMatchObject({ consolidated: false, status: "converted" });
    const lead = await db.salesLead.findUniqueOrThrow({ where: { id: placed.lead_id }, include: { conversion: true } });
    expect(lead.leadSource).toBe("order_attempt");
    expect(Number(lead.conversion!.conversionValue)).toBe(800);

    const other = companyFor();
    const open = await send(leadEvent("quote", { company: other }));
    const registered = await send(leadEvent("registration", { company: other, estimated_value: 150 }));
    expect(registered).toEqual({ lead_id: open.lead_id, consolidated: true, status: "converted" });
    const conversion = await db.salesConversion.findUniqueOrThrow({ where: { leadId: open.lead_id } });
    expect(conversion.conversionType).toBe("registration");
    expect(Number(conversion.conversionValue)).toBe(150);
  });
});

describe("createSalesLead, the in-process entry", () => {
  it("creates and consolidates leads for a host application, validating its input", async () => {
    const company = companyFor();
    const first = await createSalesLead({ company, source: "quote", leadData: EVENT_DATA.quote as never, occurredAt: new Date() });
    const second = await createSalesLead({ company, source: "manual", leadData: { note: "Called in" }, estimatedValue: 5000 });
    expect(second).toMatchObject({ leadId: first.leadId, consolidated: true, replayed: false });
    expect(Number((await db.salesLead.findUniqueOrThrow({ where: { id: first.leadId } })).estimatedValue)).toBe(5000);
    await expect(createSalesLead({ company, source: "quote", leadData: { cars: 1 } } as never)).rejects.toMatchObject({
      status: 400,
      issues: expect.arrayContaining([expect.objectContaining({ path: "leadData.total_cost" })]),
    });
  });
});

describe("receipt retention", () => {
  it("deletes receipts older than 72 hours and keeps younger ones", async () => {
    const id = uid();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    await db.webhookReceipt.createMany({
      data: [
        { webhookId: `old_${id}`, bodySha256: "x", statusCode: 202, response: {}, receivedAt: hoursAgo(73) },
        { webhookId: `young_${id}`, bodySha256: "x", statusCode: 202, response: {}, receivedAt: hoursAgo(71) },
      ],
    });
    expect(await deleteExpiredWebhookReceipts()).toBeGreaterThanOrEqual(1);
    const left = await db.webhookReceipt.findMany({ where: { webhookId: { in: [`old_${id}`, `young_${id}`] } } });
    expect(left.map((r) => r.webhookId)).toEqual([`young_${id}`]);
  });
});
