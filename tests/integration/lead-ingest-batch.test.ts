// Events that arrive together are ingested as one batch (lib/ingest/submit-lead-event.ts): one
// transaction for all, each event as if alone, and an event that fails takes nothing else down.
import crypto from "node:crypto";
import { db, dbPool } from "@/lib/db";
import { createSalesLead, LEAD_DATA_HISTORY_LIMIT, type TCreateSalesLead, type TCreateSalesLeadOptions } from "@/lib/ingest/create-sales-lead";
import { submitLeadEvent, type TLeadEventParams } from "@/lib/ingest/submit-lead-event";
import { logger } from "@/lib/logger";
import { uid } from "../fixtures/factories";
import { companyFor, EVENT_DATA, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";

const SECRET = newSecret();
process.env.LEAD_WEBHOOK_SECRET = SECRET;

function quote(companyOverrides: Record<string, unknown> = {}): { input: TCreateSalesLead; options: TCreateSalesLeadOptions } {
  const input = { company: companyFor(uid(), companyOverrides), source: "quote", leadData: EVENT_DATA.quote } as TCreateSalesLead;
  const bodySha256 = crypto.createHash("sha256").update(JSON.stringify(input)).digest("hex");
  return { input, options: { webhookId: `msg_${uid()}${uid()}`, bodySha256 } };
}

/** Rows written for a webhook-id: its receipt and its activity. */
async function rowsFor(webhookId: string) {
  const [r] = await db.$queryRaw<{ receipts: number; activities: number }[]>`
    SELECT (SELECT count(*)::int FROM webhook_receipts WHERE webhook_id = ${webhookId}) AS receipts,
           (SELECT count(*)::int FROM lead_activities WHERE webhook_id = ${webhookId}) AS activities`;
  return r;
}

/** A trigger on inserting one company name: `action` is the PL/pgSQL it runs, e.g. an error. */
async function onCompanyNamed(name: string, action: string): Promise<() => Promise<void>> {
  const fn = `test_trigger_${uid()}`;
  await db.$executeRawUnsafe(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.name = '${name}' THEN ${action}; END IF; RETURN NEW; END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON companies FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON companies`);
    await db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
  };
}

/** The database refuses one company name, as any unexpected failure would. */
const refuseCompanyNamed = (name: string) => onCompanyNamed(name, "RAISE EXCEPTION 'refused by the test'");

describe("lead events in batches", () => {
  it("sends the events that arrive while a batch is in the database together, in one transaction", async () => {
    const events = Array.from({ length: 6 }, () => quote());
    const answers = await Promise.all(events.map((e) => createSalesLead(e.input, e.options)));
    expect(answers.every((a) => !a.consolidated && a.status === "pending")).toBe(true);
    // Rows written by one transaction share its xmin. The first event left at once, alone; the
    // other five arrived while it was in the database and left together.
    const [{ transactions }] = await db.$queryRaw<{ transactions: number }[]>`
      SELECT count(DISTINCT xmin::text)::int AS transactions FROM sales_leads WHERE id = ANY(${answers.map((a) => a.leadId)})`;
    expect(transactions).toBe(2);
    for (const e of events) expect(await rowsFor(e.options.webhookId!)).toEqual({ receipts: 1, activities: 1 });
  });

  it("answers a replay within the same batch like the first, and refuses another body under that id", async () => {
    const lead = quote();
    const otherBody = { ...quote().input, company: lead.input.company };
    const settled = await Promise.allSettled([
      createSalesLead(quote().input),
      createSalesLead(lead.input, lead.options),
      createSalesLead(lead.input, lead.options),
      createSalesLead(otherBody, { webhookId: lead.options.webhookId, bodySha256: "0".repeat(64) }),
    ]);
    const [, first, replay, conflict] = settled;
    expect(first).toMatchObject({ status: "fulfilled", value: { consolidated: false, replayed: false } });
    expect(replay).toMatchObject({ status: "fulfilled", value: { leadId: (first as PromiseFulfilledResult<{ leadId: number }>).value.leadId, replayed: true } });
    expect(conflict).toMatchObject({ status: "rejected", reason: { status: 409 } });
    expect(await rowsFor(lead.options.webhookId!)).toEqual({ receipts: 1, activities: 1 });
  });

  it("fails only the event the database refuses and keeps the rest of its batch", async () => {
    const refused = `Refused ${uid()}`;
    const events = Array.from({ length: 6 }, (_, i) => quote(i === 3 ? { name: refused } : {}));
    const allow = await refuseCompanyNamed(refused);
    let settled: PromiseSettledResult<unknown>[];
    try {
      settled = await Promise.allSettled(events.map((e) => createSalesLead(e.input, e.options)));
    } finally {
      await allow();
    }
    // Events 1–5 were one batch, which the refusal rolled back; each then ran again alone.
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    for (const [i, e] of events.entries()) expect(await rowsFor(e.options.webhookId!)).toEqual(i === 3 ? { receipts: 0, activities: 0 } : { receipts: 1, activities: 1 });
    expect(await db.company.count({ where: { name: refused } })).toBe(0);

    // Nothing of the refused event was kept, so the sender's retry is ingested like a first try.
    const retried = await createSalesLead(events[3].input, events[3].options);
    expect(retried).toMatchObject({ consolidated: false, replayed: false });
    expect(await rowsFor(events[3].options.webhookId!)).toEqual({ receipts: 1, activities: 1 });
  });

  it("answers an unexpected database error with a generic 500, logs the cause and writes nothing", async () => {
    const { POST } = await import("@/app/api/webhooks/leads/route");
    const refused = `Refused ${uid()}`;
    const event = leadEvent("quote", { company: companyFor(uid(), { name: refused }) });
    const { id, request } = signedRequest(event, { secret: SECRET });
    const logged = jest.spyOn(logger, "error");
    const allow = await refuseCompanyNamed(refused);
    try {
      const res = await POST(request);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side." } });
      expect(logged).toHaveBeenCalledWith({ err: expect.objectContaining({ message: "refused by the test" }) }, "unexpected error");
    } finally {
      await allow();
      logged.mockRestore();
    }
    expect(await rowsFor(id)).toEqual({ receipts: 0, activities: 0 });
  });

  it("answers 503 to an event that waited too long behind a slow batch, and sends it nowhere", async () => {
    const slow = `Slow ${uid()}`;
    const event = (name?: string): TLeadEventParams => ({
      webhook_id: `msg_${uid()}${uid()}`,
      body_sha256: "0".repeat(64),
      source: "quote",
      payload: { type: "quote", company: companyFor(uid(), name ? { name } : {}), data: EVENT_DATA.quote },
      occurred_at: new Date().toISOString(),
      value: 2350.75,
      stated_value: null,
      states: ["CO", "NE"],
    });
    const settings = (maxWaitMs: number) => ({ windowMinutes: 60, historyLimit: LEAD_DATA_HISTORY_LIMIT, maxWaitMs });
    const [first, impatient, patient] = [event(slow), event(), event()];
    const allow = await onCompanyNamed(slow, "PERFORM pg_sleep(0.4)");
    let settled: PromiseSettledResult<unknown>[];
    try {
      settled = await Promise.allSettled([
        submitLeadEvent(dbPool(), first, settings(60_000)),
        submitLeadEvent(dbPool(), impatient, settings(100)),
        submitLeadEvent(dbPool(), patient, settings(60_000)),
      ]);
    } finally {
      await allow();
    }
    expect(settled[0]).toMatchObject({ status: "fulfilled" });
    expect(settled[1]).toMatchObject({ status: "rejected", reason: { status: 503, code: "UNAVAILABLE" } });
    expect(settled[2]).toMatchObject({ status: "fulfilled" });
    expect(await rowsFor(impatient.webhook_id!)).toEqual({ receipts: 0, activities: 0 });
    expect(await rowsFor(patient.webhook_id!)).toEqual({ receipts: 1, activities: 1 });
  });
});
