import { collectLeadStates } from "@/lib/ingest/collect-lead-states";
import { estimateLeadValue } from "@/lib/ingest/estimate-lead-value";
import { ZLeadWebhookEvent } from "@/lib/ingest/lead-webhook-schema";

describe("collectLeadStates", () => {
  it("takes origin, route, destination, pickup, delivery, location and company state: upper case, valid, once each", () => {
    const data = {
      route: { origin: { state: "tx" }, states: ["TX", "ok", "ZZ", 7], destination: { state: "KS" } },
      pickup: { state: "CO" },
      delivery: { state: "ne" },
      location: { state: "KS" },
    };
    expect(collectLeadStates(["MO"], data, "tx")).toEqual(["MO", "TX", "OK", "KS", "CO", "NE"]);
    expect(collectLeadStates([], {}, null)).toEqual([]);
  });
});

describe("estimateLeadValue", () => {
  it("follows the per-type rule and leaves location shares to the database average", () => {
    expect(estimateLeadValue("load_plan", {})).toBe(500);
    expect(estimateLeadValue("quote", { total_cost: 2350.75 })).toBe(2350.75);
    expect(estimateLeadValue("order_attempt", { total: 3100 })).toBe(3100);
    expect(estimateLeadValue("order_placed", { total: 4321.5 })).toBe(4321.5);
    expect(estimateLeadValue("location_share", {})).toBeNull();
    expect(estimateLeadValue("registration", {})).toBe(0);
  });
});

describe("ZLeadWebhookEvent", () => {
  it("keeps unknown fields at every level and upper-cases state codes", () => {
    const parsed = ZLeadWebhookEvent.parse({
      type: "location_share",
      occurred_at: "2026-11-20T15:04:05Z",
      company: { external_id: "u_1", name: "Lone Star", state: "tx", crm_hint: 1 },
      data: { location: { city: "Austin", state: "tx", lat: 30.2 }, beacon: "b1" },
      tool_version: "3.1",
    });
    expect(parsed).toMatchObject({ tool_version: "3.1", company: { state: "TX", crm_hint: 1 }, data: { beacon: "b1", location: { state: "TX", lat: 30.2 } } });
  });
});
