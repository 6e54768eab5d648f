// Issue 16 at ingest: a load plan's haul estimate becomes the lead's value and flags, the largest
// load of a consolidated lead wins (and the timeline says so), and bad loads are refused with 400.
import { db } from "@/lib/db";
import type { THaulEstimate } from "@/lib/haul/estimate-haul";
import { companyFor, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";

const SECRET = newSecret();
process.env.LEAD_WEBHOOK_SECRET = SECRET;

let POST: typeof import("@/app/api/webhooks/leads/route").POST;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/webhooks/leads/route"));
});

const place = (state: string) => ({ city: "Somewhere", state });
function loadPlan(load: Record<string, unknown>, route: Record<string, unknown>, company = companyFor()) {
  return leadEvent("load_plan", {
    company,
    data: {
      route: { origin: place("TX"), destination: place("OK"), states: [], miles: 592, ...route },
      load: { length_ft: 70, width_ft: 8.5, height_ft: 13, weight_lbs: 80_000, ...load },
      road_types: ["interstate"],
    },
  });
}

async function post(event: unknown, id?: string) {
  const res = await POST(signedRequest(event, { secret: SECRET, id }).request);
  return { status: res.status, body: await res.json() };
}

const leadOf = (id: number) =>
  db.salesLead.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } } } });

describe("a load plan's value from its haul", () => {
  it("prices escorts per state with state_miles and stores the breakdown and flags", async () => {
    // TX: 15 ft wide (divided road: rear) + 21 ft rear overhang (rear) = two dimensions → 2.
    // OK (multi-lane, 15 ft): 1. (2 × 412 + 1 × 180) × $2.00 = $2,008.
    const { status, body } = await post(
      loadPlan({ width_ft: 15, rear_overhang_ft: 21 }, { state_miles: { TX: 412, OK: 180 } }),
    );
    expect(status).toBe(202);
    const lead = await leadOf(body.lead_id);
    expect(Number(lead.estimatedValue)).toBe(2008);
    const haul = lead.haul as unknown as THaulEstimate;
    expect(haul.breakdown).toBe("2 escorts × 412 mi in TX, 1 × 180 mi in OK, permit fee unknown: TX+OK");
    expect(haul.states.map((s) => [s.state, s.escorts?.high, s.miles])).toEqual([
      ["TX", 2, 412],
      ["OK", 1, 180],
    ]);
    expect([lead.needsPolice, lead.superload]).toEqual([false, false]);
  });

  it("flags police and superload as indexed columns", async () => {
    // LA 17 ft wide: state police; TX 126 ft long: superload (unverified TX figures).
    const { body } = await post(
      loadPlan(
        { width_ft: 17, length_ft: 126 },
        { origin: place("TX"), destination: place("LA"), miles: 300 },
      ),
    );
    const lead = await leadOf(body.lead_id);
    expect([lead.needsPolice, lead.superload]).toEqual([true, true]);
    const flagged = await db.salesLead.findMany({
      where: { id: body.lead_id, needsPolice: true, superload: true },
      select: { id: true },
    });
    expect(flagged).toHaveLength(1);
  });

  it("keeps the flat 500 when no state on the route has rules, and says which are unknown", async () => {
    const { body } = await post(
      loadPlan({ width_ft: 15 }, { origin: place("AR"), destination: place("MS"), miles: 200 }),
    );
    const lead = await leadOf(body.lead_id);
    expect(Number(lead.estimatedValue)).toBe(500);
    expect((lead.haul as unknown as THaulEstimate).unknownStates).toEqual(["AR", "MS"]);
  });
});

describe("consolidation: the largest load wins", () => {
  it("a larger load replaces the estimate, a smaller one keeps it, and the timeline says each", async () => {
    const company = companyFor();
    const small = await post(loadPlan({ width_ft: 13 }, {}, company)); // OK multi-lane 13 ft: 1 × 296 mi = $592
    const before = await leadOf(small.body.lead_id);
    expect(Number(before.estimatedValue)).toBe(592);

    const big = await post(loadPlan({ width_ft: 16.5 }, {}, company)); // TX 2 + OK 2 → 4 × 296 × $2 = $2,368
    expect(big.body).toMatchObject({ lead_id: small.body.lead_id, consolidated: true });
    const grown = await leadOf(small.body.lead_id);
    expect(Number(grown.estimatedValue)).toBe(2368);
    expect((grown.haul as unknown as THaulEstimate).load.width_ft).toBe(16.5);
    expect(grown.events.filter((e) => e.type === "haul").map((e) => e.data)).toEqual([
      expect.objectContaining({ kept: false, high: 2368, previous_high: 592 }),
    ]);

    const replayId = `msg_small_${small.body.lead_id}`;
    await post(loadPlan({ width_ft: 13 }, {}, company), replayId);
    await post(loadPlan({ width_ft: 13 }, {}, company), replayId); // the same webhook again writes nothing
    const after = await leadOf(small.body.lead_id);
    expect(Number(after.estimatedValue)).toBe(2368);
    expect((after.haul as unknown as THaulEstimate).load.width_ft).toBe(16.5);
    expect(after.events.filter((e) => e.type === "haul").map((e) => e.data)).toEqual([
      expect.objectContaining({ kept: false }),
      expect.objectContaining({ kept: true, high: 592, kept_high: 2368 }),
    ]);
  });
});

describe("bad loads are refused with 400 and the path", () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>, string, RegExp][] = [
    ["a 500-ft load", { length_ft: 500 }, {}, "data.load.length_ft", /At most 300 ft/],
    ["a negative width", { width_ft: -3 }, {}, "data.load.width_ft", /./],
    ["metres", { width_m: 4.5 }, {}, "data.load.width_m", /Metric measures are not accepted/],
    ["metric units", { units: "metric" }, {}, "data.load.units", /Metric measures are not accepted/],
    ["kilometres", {}, { km: 900 }, "data.route.km", /Metric measures are not accepted/],
    [
      "state_miles off the route",
      {},
      { state_miles: { NM: 10 } },
      "data.route.state_miles.NM",
      /not on the route/,
    ],
    [
      "state_miles over the route",
      {},
      { state_miles: { TX: 500, OK: 500 } },
      "data.route.state_miles",
      /add up to more/,
    ],
  ];
  it.each(cases)("%s", async (_name, load, route, path, message) => {
    const event = loadPlan(load, route);
    const { status, body } = await post(event);
    expect(status).toBe(400);
    expect(body.error.issues).toEqual(
      expect.arrayContaining([{ path, message: expect.stringMatching(message) }]),
    );
    expect(await db.company.count({ where: { externalId: event.company.external_id } })).toBe(0);
  });

  it("an event without state_miles is still accepted (the contract only grew)", async () => {
    expect((await post(loadPlan({}, {}))).status).toBe(202);
  });
});
