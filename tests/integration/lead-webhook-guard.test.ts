// POST /api/webhooks/leads: what is refused (signature, size, schema) and idempotency.
import { db } from "@/lib/db";
import { companyFor, EVENT_DATA, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";

const OLD_SECRET = newSecret();
const NEW_SECRET = newSecret();
// Before the route is imported: a rotation in progress, both secrets accepted.
process.env.LEAD_WEBHOOK_SECRET = `${OLD_SECRET}, ${NEW_SECRET}`;

let POST: typeof import("@/app/api/webhooks/leads/route").POST;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/webhooks/leads/route"));
});

/** Rows any request about this event could have written. */
async function written(event: { company: { external_id: string } }, webhookId: string) {
  const [companies, receipts, activities] = await Promise.all([
    db.company.count({ where: { externalId: event.company.external_id } }),
    db.webhookReceipt.count({ where: { webhookId } }),
    db.leadActivity.count({ where: { webhookId } }),
  ]);
  return companies + receipts + activities;
}

describe("lead webhook: signatures", () => {
  it("accepts a valid event with 202 and makes a lead", async () => {
    const event = leadEvent("load_plan", { tool_version: "3.1" });
    const { id, request } = signedRequest(event, { secret: NEW_SECRET });
    const res = await POST(request);
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toEqual({ lead_id: expect.any(Number), consolidated: false, status: "pending" });
    const lead = await db.salesLead.findUniqueOrThrow({ where: { id: body.lead_id }, include: { company: true, activities: true, events: true } });
    expect(lead.company.externalId).toBe(event.company.external_id);
    expect(lead.leadSource).toBe("load_plan");
    expect(lead.activities).toHaveLength(1);
    expect(lead.activities[0].webhookId).toBe(id);
    // Unknown fields are kept in the stored payload.
    expect(lead.activities[0].payload).toMatchObject({ tool_version: "3.1", company: { external_id: event.company.external_id } });
    expect(lead.events.map((e) => e.type)).toEqual(["created"]);
    expect(await db.webhookReceipt.count({ where: { webhookId: id } })).toBe(1);
  });

  // Options are made when each test runs, so the timestamps are measured from that moment.
  const refusals: [string, () => Parameters<typeof signedRequest>[1]][] = [
    ["a tampered body", () => ({ secret: NEW_SECRET, tamper: (raw) => raw.replace("Carrier", "Karrier") })],
    ["a wrong secret", () => ({ secret: newSecret() })],
    // Whole seconds, as on the wire: at least 301 s away from the second the check runs in.
    ["a timestamp 301 s old", () => ({ secret: NEW_SECRET, timestamp: new Date((Math.floor(Date.now() / 1000) - 301) * 1000) })],
    ["a timestamp 301 s ahead", () => ({ secret: NEW_SECRET, timestamp: new Date((Math.ceil(Date.now() / 1000) + 301) * 1000) })],
    ["no webhook-id", () => ({ secret: NEW_SECRET, omit: "webhook-id" })],
    ["no webhook-timestamp", () => ({ secret: NEW_SECRET, omit: "webhook-timestamp" })],
    ["no webhook-signature", () => ({ secret: NEW_SECRET, omit: "webhook-signature" })],
  ];
  it.each(refusals)("refuses %s with 401 and writes nothing", async (_name, options) => {
    const event = leadEvent("quote");
    const { id, request } = signedRequest(event, options());
    const res = await POST(request);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHORIZED");
    expect(await written(event, id)).toBe(0);
  });

  it("accepts the old and the new secret during a rotation, and only those", async () => {
    for (const secret of [OLD_SECRET, NEW_SECRET]) {
      const res = await POST(signedRequest(leadEvent("location_share"), { secret }).request);
      expect(res.status).toBe(202);
    }
    const saved = process.env.LEAD_WEBHOOK_SECRET;
    process.env.LEAD_WEBHOOK_SECRET = NEW_SECRET; // rotation finished: the old one is retired
    try {
      expect((await POST(signedRequest(leadEvent("location_share"), { secret: OLD_SECRET }).request)).status).toBe(401);
      expect((await POST(signedRequest(leadEvent("location_share"), { secret: NEW_SECRET }).request)).status).toBe(202);
    } finally {
      process.env.LEAD_WEBHOOK_SECRET = saved;
    }
  });
});

describe("lead webhook: idempotency", () => {
  it("answers a replay of the same id and body with the first answer and writes nothing", async () => {
    const event = leadEvent("quote");
    const first = signedRequest(event, { secret: NEW_SECRET });
    const res1 = await POST(first.request);
    expect(res1.status).toBe(202);
    const answer = await res1.json();
    // The sender retries later: new timestamp and signature, same id and body.
    const again = signedRequest(event, { secret: NEW_SECRET, id: first.id, timestamp: new Date(Date.now() - 60_000) });
    const res2 = await POST(again.request);
    expect(res2.status).toBe(202);
    expect(await res2.json()).toEqual(answer);
    const company = await db.company.findUniqueOrThrow({ where: { externalId: event.company.external_id } });
    expect(await db.salesLead.count({ where: { companyId: company.id } })).toBe(1);
    expect(await db.leadActivity.count({ where: { webhookId: first.id } })).toBe(1);
    expect(await db.leadEvent.count({ where: { leadId: answer.lead_id } })).toBe(1);
  });

  it("refuses the same id with another body with 409 and writes nothing", async () => {
    const event = leadEvent("quote");
    const first = signedRequest(event, { secret: NEW_SECRET });
    expect((await POST(first.request)).status).toBe(202);
    const other = { ...event, data: { ...EVENT_DATA.quote, total_cost: 9999 } };
    const res = await POST(signedRequest(other, { secret: NEW_SECRET, id: first.id }).request);
    expect(res.status).toBe(409);
    expect(await db.leadActivity.count({ where: { webhookId: first.id } })).toBe(1);
    const lead = await db.salesLead.findFirstOrThrow({ where: { company: { externalId: event.company.external_id } } });
    expect(Number(lead.estimatedValue)).toBe(2350.75);
  });
});

describe("lead webhook: bad input", () => {
  // One broken payload per event type, and the path the 400 must name.
  const broken: [string, (e: ReturnType<typeof leadEvent>) => unknown, string][] = [
    ["load_plan", (e) => ({ ...e, data: { ...EVENT_DATA.load_plan, route: { ...(EVENT_DATA.load_plan.route as object), origin: { city: "Austin" } } } }), "data.route.origin.state"],
    ["quote", (e) => ({ ...e, data: { ...EVENT_DATA.quote, total_cost: "lots" } }), "data.total_cost"],
    ["location_share", (e) => ({ ...e, data: { location: { city: "Wichita", state: "ZZ" } } }), "data.location.state"],
    ["order_attempt", (e) => ({ ...e, data: { step: "payment" } }), "data.total"],
    ["order_placed", (e) => ({ ...e, data: { total: 100 } }), "data.order_id"],
    ["registration", (e) => ({ ...e, company: { name: "No identity Inc" } }), "company.external_id"],
  ];
  it.each(broken)("refuses a bad %s with 400 naming the path and writes nothing", async (type, breakIt, path) => {
    const event = leadEvent(type);
    const { id, request } = signedRequest(breakIt(event), { secret: NEW_SECRET });
    const res = await POST(request);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    expect(await written(event, id)).toBe(0);
  });

  it("names every bad path at once, an unknown type, a bad date and non-JSON", async () => {
    const many = { ...leadEvent("quote"), occurred_at: "yesterday", data: { ...EVENT_DATA.quote, cars: 0, miles: -1 } };
    const res = await POST(signedRequest(many, { secret: NEW_SECRET }).request);
    expect(res.status).toBe(400);
    const paths = (await res.json()).error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["occurred_at", "data.cars", "data.miles"]));

    const unknown = await POST(signedRequest({ ...leadEvent("quote"), type: "fax" }, { secret: NEW_SECRET }).request);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.issues[0].path).toBe("type");

    const notJson = await POST(signedRequest("type=quote", { secret: NEW_SECRET }).request);
    expect(notJson.status).toBe(400);
  });

  it("refuses a 65 KB body with 413 and writes nothing", async () => {
    const event = leadEvent("load_plan", { padding: "x".repeat(65 * 1024) });
    const { id, request } = signedRequest(event, { secret: NEW_SECRET });
    const res = await POST(request);
    expect(res.status).toBe(413);
    expect(await written(event, id)).toBe(0);
  });

  it("answers 503 with Retry-After when the database is unreachable, and no stack trace", async () => {
    const saved = process.env.DATABASE_URL!;
    const quiet = jest.spyOn(console, "error").mockImplementation(() => {});
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/unreachable";
    try {
      const res = await POST(signedRequest(leadEvent("quote", { company: companyFor() }), { secret: NEW_SECRET }).request);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBeTruthy();
      expect(JSON.stringify(await res.json())).not.toMatch(/at .*\.ts|ECONNREFUSED/);
    } finally {
      process.env.DATABASE_URL = saved;
      quiet.mockRestore();
    }
  });
});
