// Issue 16: the haul estimate where people read it — the lead page's data, the call list's reason
// line, the leads list's and the pipeline forecast's "needs police escort / superload" filter.
// In a database of its own, so the filter's counts are this file's leads only.
import { db } from "@/lib/db";
import { getPipelineForecast } from "@/lib/analytics/get-pipeline-forecast";
import { refreshAnalyticsRollups } from "@/lib/analytics/refresh-analytics-rollups";
import { getCallList } from "@/lib/calls/get-call-list";
import { createSalesLead } from "@/lib/ingest/create-sales-lead";
import { getLeadDetail } from "@/lib/leads/get-lead-detail";
import { listLeads } from "@/lib/leads/list-leads";
import { zonedDay } from "@/lib/kernel/zoned-time";
import { makeUser } from "../fixtures/factories";
import { companyFor } from "../fixtures/lead-webhook";
import { runInOwnDatabase } from "../fixtures/own-database";

runInOwnDatabase();

const place = (state: string) => ({ city: "Somewhere", state });
async function loadPlanLead(load: Record<string, unknown>, from: string, to: string, miles = 100) {
  const { leadId } = await createSalesLead({
    source: "load_plan",
    company: companyFor(),
    leadData: {
      route: { origin: place(from), destination: place(to), states: [], miles },
      load: { length_ft: 70, width_ft: 8.5, height_ft: 13, weight_lbs: 80_000, ...load },
      road_types: ["two_lane"],
    },
  });
  return leadId;
}

let ids: { police: number; superload: number; plain: number; quote: number };
beforeAll(async () => {
  ids = {
    police: await loadPlanLead({ width_ft: 17 }, "LA", "LA"), // police; no private escort → $0
    superload: await loadPlanLead({ length_ft: 126 }, "TX", "TX"), // 2 × 100 mi × $2 = $400, superload
    plain: await loadPlanLead({ width_ft: 15 }, "TX", "OK"), // TX 1 × 50 + OK 2 × 50 → $300
    quote: (
      await createSalesLead({
        source: "quote",
        company: companyFor(),
        leadData: {
          pickup: { ...place("TX"), date: "2026-12-01" },
          delivery: { ...place("OK"), date: "2026-12-02" },
          cars: 1,
          miles: 300,
          total_cost: 1800,
        },
      })
    ).leadId,
  };
  // The forecast reads its rollup as of the last refresh (issue #19), as the job keeps it.
  await refreshAnalyticsRollups();
});

describe("the lead page", () => {
  it("carries the haul with per-state rows and the breakdown; a quote has none and keeps its total", async () => {
    const { actor } = await makeUser();
    const plain = await getLeadDetail(actor, { lead_id: ids.plain });
    expect(plain.estimatedValue).toBe(300);
    expect(plain.haul?.states.map((s) => [s.state, s.escorts, s.miles])).toEqual([
      ["TX", { low: 1, high: 1 }, 50],
      ["OK", { low: 2, high: 2 }, 50],
    ]);
    expect(plain.haul?.breakdown).toBe(
      "1 escort × 50 mi in TX, 2 × 50 mi in OK, permit fee unknown: TX+OK, miles split evenly across 2 states",
    );
    const quote = await getLeadDetail(actor, { lead_id: ids.quote });
    expect([quote.haul, quote.estimatedValue]).toEqual([null, 1800]);
  });
});

describe("the call list", () => {
  it("says what the haul needs in the reason line", async () => {
    const { actor: rep } = await makeUser();
    await db.salesLead.updateMany({
      where: { id: { in: [ids.police, ids.plain] } },
      data: { status: "assigned", assignedAdminId: rep.id, assignedAt: new Date() },
    });
    const list = await getCallList(rep, {});
    const reason = (id: number) => list.rows.find((r) => r.id === id)?.reason;
    expect(reason(ids.plain)).toMatch(/ · haul: 2 escorts in TX\+OK$/);
    expect(reason(ids.police)).toMatch(/ · haul: police escort$/);
  });
});

describe("the needs police escort / superload filter", () => {
  it("narrows the leads list", async () => {
    const { actor } = await makeUser({ role: "super_admin" });
    const list = async (haul: string) =>
      (await listLeads.fromRequest(actor, { filter: { haul } })).rows.map((r) => r.id).sort((a, b) => a - b);
    expect(await list("police")).toEqual([ids.police]);
    expect(await list("superload")).toEqual([ids.superload]);
    expect(await list("police_or_superload")).toEqual([ids.police, ids.superload].sort((a, b) => a - b));
    await expect(listLeads.fromRequest(actor, { filter: { haul: "wide" } })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("narrows the pipeline forecast to those leads' expected value", async () => {
    const { actor } = await makeUser({ role: "super_admin" });
    const today = zonedDay(new Date(), "America/Chicago");
    const range = { from: today, to: today, timeZone: "America/Chicago" };
    const loadPlan = async (haul?: "police" | "superload" | "police_or_superload") =>
      (await getPipelineForecast(actor, { ...range, ...(haul ? { haul } : {}) })).sources.find(
        (s) => s.source === "load_plan",
      )!;
    expect(await loadPlan()).toMatchObject({ openLeads: 3, openValue: 700 });
    expect(await loadPlan("superload")).toMatchObject({ openLeads: 1, openValue: 400 });
    expect(await loadPlan("police")).toMatchObject({ openLeads: 1, openValue: 0 });
    expect(await loadPlan("police_or_superload")).toMatchObject({ openLeads: 2, openValue: 400 });
  });
});
