import { getCallHeatmap } from "@/lib/analytics/get-call-heatmap";
import { getConversionFunnel } from "@/lib/analytics/get-conversion-funnel";
import { getFollowUpEffectiveness } from "@/lib/analytics/get-follow-up-effectiveness";
import { getLeadsBySource } from "@/lib/analytics/get-leads-by-source";
import { getPipelineByStatus } from "@/lib/analytics/get-pipeline-by-status";
import { getPipelineForecast } from "@/lib/analytics/get-pipeline-forecast";
import { getRepPerformance } from "@/lib/analytics/get-rep-performance";
import { getRepProductivity } from "@/lib/analytics/get-rep-productivity";
import { getRevenueByMonth } from "@/lib/analytics/get-revenue-by-month";
import { getTerritoryComparison } from "@/lib/analytics/get-territory-comparison";
import { getTimeToConversion } from "@/lib/analytics/get-time-to-conversion";
import { loadAnalyticsPage } from "@/lib/analytics/load-analytics-page";
import { refreshAnalyticsRollups } from "@/lib/analytics/refresh-analytics-rollups";
import { buildAnalyticsFixture } from "../fixtures/analytics-fixture";

// Every expected number below was worked out by hand from tests/fixtures/analytics-fixture.ts
// (the lead names L1…L15 are the fixture's). The range is Mon 5 – Sun 18 January 2015 in Chicago,
// which no other test touches; figures per rep or per territory are scoped to the fixture's own.
let fx: Awaited<ReturnType<typeof buildAnalyticsFixture>>;
beforeAll(async () => {
  fx = await buildAnalyticsFixture();
  // The figures backed by rollups (materialized views) read them as of their last refresh, as the
  // job keeps them: refreshed after the fixture, every expectation below holds for both readings
  // (tests/integration/analytics-rollups.test.ts compares the two).
  await refreshAnalyticsRollups();
});

const cell = (cells: { weekday: number; hour: number; calls: number }[], weekday: number, hour: number) =>
  cells.find((c) => c.weekday === weekday && c.hour === hour)?.calls;

function expectAllFinite(value: unknown) {
  const walk = (v: unknown): void => {
    if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(value);
}

describe("rep performance", () => {
  it("ranks reps by conversion rate with the seed's formulas, crediting a reassigned lead to the rep who converted it", async () => {
    const rows = await getRepPerformance(fx.manager, fx.range);
    const byId = new Map(rows.map((r) => [r.repId, r]));
    // Alice: L1, L2, L3, L14, L15 assigned in range; L1 (1200) and L15 (500) converted.
    expect(byId.get(fx.alice.id)).toEqual({
      repId: fx.alice.id, name: "Alice Fixture", rank: 1, leadsAssigned: 5, conversions: 2, conversionRate: 40, totalValue: 1700, averageValue: 850,
    });
    // Bob: L4 (reassigned to him from Alice, converted by him for 800), L5, L7.
    expect(byId.get(fx.bob.id)).toEqual({
      repId: fx.bob.id, name: "Bob Fixture", rank: 2, leadsAssigned: 3, conversions: 1, conversionRate: 33.3, totalValue: 800, averageValue: 800,
    });
    expect(byId.get(fx.carol.id)).toMatchObject({ rank: 3, leadsAssigned: 0, conversions: 0, conversionRate: 0, totalValue: 0, averageValue: 0 });
    expect(rows.findIndex((r) => r.repId === fx.alice.id)).toBeLessThan(rows.findIndex((r) => r.repId === fx.bob.id));
  });

  it("gives a rep only their own row, and 404 for another rep's", async () => {
    expect((await getRepPerformance(fx.bob, fx.range)).map((r) => r.repId)).toEqual([fx.bob.id]);
    await expect(getRepPerformance(fx.bob, { ...fx.range, repId: fx.alice.id })).rejects.toMatchObject({ status: 404 });
    await expect(loadAnalyticsPage(fx.bob, { ...fx.range, repId: fx.alice.id })).rejects.toMatchObject({ status: 404 });
    expect((await getRepPerformance(fx.manager, { ...fx.range, repId: fx.alice.id })).map((r) => r.repId)).toEqual([fx.alice.id]);
  });
});

describe("leads by source", () => {
  it("counts new leads per day of the company calendar, with empty days as zeros", async () => {
    const r = await getLeadsBySource(fx.manager, fx.range);
    expect(r.unit).toBe("day");
    expect(r.buckets).toHaveLength(14);
    expect(r.totals).toEqual({ load_plan: 2, quote: 5, location_share: 1, order_attempt: 1, import: 0, manual: 1 });
    const day = (d: string) => r.buckets.find((b) => b.bucket === d)!;
    expect(day("2015-01-05")).toMatchObject({ quote: 2, total: 2 });
    // L6 came in at 23:30 on Friday the 9th in Chicago (05:30 UTC on the 10th).
    expect(day("2015-01-09")).toMatchObject({ manual: 1, total: 1 });
    expect(day("2015-01-10").total).toBe(0);
    expect(day("2015-01-15")).toMatchObject({ order_attempt: 1, total: 1 });
    expect((await getLeadsBySource(fx.manager, { ...fx.range, repId: fx.alice.id })).totals).toMatchObject({ quote: 3, load_plan: 1, order_attempt: 1 });
  });

  it("switches to weeks and months for longer ranges", async () => {
    const weeks = await getLeadsBySource(fx.manager, { from: "2014-12-01", to: "2015-01-31", timeZone: "America/Chicago" });
    expect(weeks.unit).toBe("week");
    expect(weeks.buckets[0].bucket).toBe("2014-12-01");
    // Week of Monday 5 January: L1, L2, L3, L4, L5 and L6 (Friday 23:30).
    expect(weeks.buckets.find((b) => b.bucket === "2015-01-05")!.total).toBe(6);
    const months = await getLeadsBySource(fx.manager, { from: "2014-09-01", to: "2015-03-31", timeZone: "America/Chicago" });
    expect(months.unit).toBe("month");
    expect(months.buckets.map((b) => [b.bucket, b.total])).toEqual([
      ["2014-09-01", 0], ["2014-10-01", 0], ["2014-11-01", 0], ["2014-12-01", 5], ["2015-01-01", 10], ["2015-02-01", 0], ["2015-03-01", 0],
    ]);
  });
});

describe("revenue by month", () => {
  it("books conversions in the company's month and splits them by the credited rep", async () => {
    const r = await getRevenueByMonth(fx.manager, { from: "2014-12-01", to: "2015-01-31", timeZone: "America/Chicago" });
    // L9 converted at 20:00 on 31 December in Chicago, already 1 January in UTC: December.
    expect(r.months).toEqual([
      { month: "2014-12-01", revenue: 1500, conversions: 2, byRep: { [fx.alice.id]: 1500 } },
      { month: "2015-01-01", revenue: 2500, conversions: 3, byRep: { [fx.alice.id]: 1700, [fx.bob.id]: 800 } },
    ]);
    expect(r.reps).toEqual([
      { repId: fx.alice.id, name: "Alice Fixture", revenue: 3200, conversions: 4 },
      { repId: fx.bob.id, name: "Bob Fixture", revenue: 800, conversions: 1 },
    ]);
    expect(r.total).toBe(4000);
  });
});

describe("conversion funnel", () => {
  it("counts each lead at the furthest stage it reached, with stage-to-stage rates", async () => {
    const r = await getConversionFunnel(fx.manager, fx.range);
    expect(r.stages).toEqual([
      { stage: "pending", leads: 10, rateFromPrevious: 100, rateFromStart: 100 },
      { stage: "assigned", leads: 8, rateFromPrevious: 80, rateFromStart: 80 },
      { stage: "contacted", leads: 6, rateFromPrevious: 75, rateFromStart: 60 },
      { stage: "interested", leads: 4, rateFromPrevious: 66.7, rateFromStart: 40 },
      { stage: "converted", leads: 3, rateFromPrevious: 75, rateFromStart: 30 },
    ]);
    const alice = await getConversionFunnel(fx.manager, { ...fx.range, repId: fx.alice.id });
    expect(alice.stages.map((s) => s.leads)).toEqual([5, 5, 4, 2, 2]);
    const territory = await getConversionFunnel(fx.manager, { ...fx.range, territoryId: fx.territory.id });
    expect(territory.stages.map((s) => s.leads)).toEqual([6, 4, 4, 3, 3]);
  });
});

describe("time to conversion", () => {
  it("reads the team's figure from the day buckets: counts, means and distribution exact, medians a bucket's middle", async () => {
    const r = await getTimeToConversion(fx.manager, fx.range);
    // 0.42, 3.29, 4.21 days: the median is the one in [3, 4), read as 3.5; from first contact
    // 3.21 and 4.13, the middles of [3, 4) and [4, 5) → 4.
    expect(r).toMatchObject({ conversions: 3, medianDays: 3.5, averageDays: 2.6, contacted: 2, medianContactToDealDays: 4, averageContactToDealDays: 3.7 });
    expect(r.buckets.map((b) => b.conversions)).toEqual([1, 0, 2, 0, 0, 0]);
  });

  it("gives the median, mean and distribution, and pipeline velocity from first contact", async () => {
    // Exactly, from lead_facts (the team's view reads the day-bucket rollup: below).
    const r = await getTimeToConversion(fx.manager, fx.range, { facts: true });
    // L15 0.42 d, L4 3.29 d, L1 4.21 d; first contact to deal: L4 3.21 d, L1 4.13 d (L15 had no action).
    expect(r).toEqual({
      conversions: 3,
      medianDays: 3.3,
      averageDays: 2.6,
      contacted: 2,
      medianContactToDealDays: 3.7,
      averageContactToDealDays: 3.7,
      buckets: [
        { label: "Under 1 day", conversions: 1 },
        { label: "1–3 days", conversions: 0 },
        { label: "3–7 days", conversions: 2 },
        { label: "1–2 weeks", conversions: 0 },
        { label: "2–4 weeks", conversions: 0 },
        { label: "30 days or more", conversions: 0 },
      ],
    });
  });
});

describe("follow-up effectiveness", () => {
  it("judges each follow-up by the lead's next touch and compares the groups' conversion", async () => {
    const r = await getFollowUpEffectiveness(fx.manager, fx.range);
    // kept: L1 (next call same day), L4 twice (Bob's call; then the conversion), L5 (call the day after);
    // late: L2 (next call four days after); missed: L3 (never touched again).
    expect(r.groups).toEqual([
      { verdict: "kept", followUps: 4, leads: 3, converted: 2, conversionRate: 66.7 },
      { verdict: "late", followUps: 1, leads: 1, converted: 0, conversionRate: 0 },
      { verdict: "missed", followUps: 1, leads: 1, converted: 0, conversionRate: 0 },
    ]);
    expect(r.notYetDue).toBe(0);
    const alice = await getFollowUpEffectiveness(fx.manager, { ...fx.range, repId: fx.alice.id });
    expect(alice.groups.map((g) => [g.followUps, g.leads, g.converted])).toEqual([[2, 2, 2], [1, 1, 0], [1, 1, 0]]);
  });
});

describe("call heatmap", () => {
  it("places calls by weekday and hour on the Chicago clock", async () => {
    const r = await getCallHeatmap(fx.manager, fx.range);
    expect(r.cells).toHaveLength(7 * 24);
    expect(r.total).toBe(9);
    expect(r.max).toBe(2);
    expect(cell(r.cells, 1, 10)).toBe(2); // Monday 12th, 10:00 and 10:45
    expect(cell(r.cells, 2, 23)).toBe(1); // Tuesday 6th, 23:30 in Chicago
    expect(cell(r.cells, 3, 5)).toBe(0); // … not Wednesday 05:30, its UTC time
    expect(cell(r.cells, 6, 20)).toBe(1);
    const bob = await getCallHeatmap(fx.manager, { ...fx.range, repId: fx.bob.id });
    expect(bob.cells.filter((c) => c.calls > 0).map((c) => [c.weekday, c.hour, c.calls])).toEqual([[4, 10, 1], [4, 15, 1], [6, 20, 1]]);
  });

  it("puts a call at 23:30 Chicago time on its Chicago day", async () => {
    const tuesday = await getCallHeatmap(fx.manager, { from: "2015-01-06", to: "2015-01-06", timeZone: "America/Chicago", repId: fx.alice.id });
    expect(tuesday.total).toBe(1);
    expect(cell(tuesday.cells, 2, 23)).toBe(1);
    const wednesday = await getCallHeatmap(fx.manager, { from: "2015-01-07", to: "2015-01-07", timeZone: "America/Chicago", repId: fx.alice.id });
    expect(wednesday.total).toBe(2);
    const productivity = await getRepProductivity(fx.manager, { from: "2015-01-06", to: "2015-01-06", timeZone: "America/Chicago", repId: fx.alice.id });
    expect(productivity[0]).toMatchObject({ calls: 1, workingDays: 1, callsPerDay: 1 });
  });
});

describe("territory comparison", () => {
  it("counts leads touching the territory's states, coverage, conversion and revenue", async () => {
    const rows = await getTerritoryComparison(fx.manager, { ...fx.range, territoryId: fx.territory.id });
    expect(rows).toEqual([
      {
        territoryId: fx.territory.id, name: fx.territory.name, states: ["NM", "AZ"], reps: 1,
        leads: 6, worked: 3, coverage: 50, conversions: 3, conversionRate: 50, revenue: 2500,
      },
    ]);
    const bob = await getTerritoryComparison(fx.manager, { ...fx.range, territoryId: fx.territory.id, repId: fx.bob.id });
    expect(bob[0]).toMatchObject({ leads: 1, worked: 1, coverage: 100, conversions: 1, revenue: 800 });
  });
});

describe("pipeline", () => {
  it("sums estimated value by status", async () => {
    const r = await getPipelineByStatus(fx.manager, fx.range);
    expect(r.statuses).toEqual([
      { status: "pending", leads: 2, value: 1900 },
      { status: "assigned", leads: 2, value: 3900 },
      { status: "in_progress", leads: 2, value: 3500 },
      { status: "converted", leads: 3, value: 1950 },
      { status: "lost", leads: 1, value: 2000 },
    ]);
    expect(r).toMatchObject({ openLeads: 6, openValue: 9300 });
  });

  it("forecasts open value × the historical conversion rate of each source", async () => {
    const alice = await getPipelineForecast(fx.manager, { ...fx.range, repId: fx.alice.id });
    const bySource = Object.fromEntries(alice.sources.map((s) => [s.source, s]));
    // quote: 2 of 4 closed converted (L1, L9 vs L2, L10) × open L14 2400; load_plan: 1 of 3 × open L3 500.
    expect(bySource.quote).toEqual({ source: "quote", openLeads: 1, openValue: 2400, historicalRate: 50, closedLeads: 4, forecastValue: 1200 });
    expect(bySource.load_plan).toEqual({ source: "load_plan", openLeads: 1, openValue: 500, historicalRate: 33.3, closedLeads: 3, forecastValue: 166.67 });
    expect(bySource.order_attempt).toMatchObject({ historicalRate: 100, openValue: 0, forecastValue: 0 });
    expect(alice).toMatchObject({ openValue: 2900, forecastValue: 1366.67 });
    // Bob has never closed a quote: his open quotes forecast nothing rather than NaN.
    const bob = await getPipelineForecast(fx.manager, { ...fx.range, repId: fx.bob.id });
    expect(bob).toMatchObject({ openValue: 4500, forecastValue: 0 });
  });
});

describe("rep productivity and response rate", () => {
  it("divides calls and emails by working days and counts replies to sent prospect emails", async () => {
    const rows = await getRepProductivity(fx.manager, fx.range);
    const byId = new Map(rows.map((r) => [r.repId, r]));
    expect(byId.get(fx.alice.id)).toEqual({
      repId: fx.alice.id, name: "Alice Fixture", calls: 6, emails: 1, workingDays: 10, callsPerDay: 0.6, emailsPerDay: 0.1,
      interestedCalls: 1, callToInterestRate: 16.7, emailsSent: 3, replies: 2, responseRate: 66.7,
    });
    expect(byId.get(fx.bob.id)).toMatchObject({ calls: 3, emails: 0, callsPerDay: 0.3, interestedCalls: 2, callToInterestRate: 66.7, emailsSent: 0, responseRate: 0 });
    expect(byId.get(fx.carol.id)).toMatchObject({ calls: 0, emails: 0, workingDays: 10, callsPerDay: 0, emailsSent: 0, responseRate: 0 });
  });
});

describe("zero data", () => {
  it("gives zeros, not errors or NaN, for a fresh rep and for an empty range", async () => {
    const carol = await loadAnalyticsPage(fx.carol, fx.range);
    expect(carol.repPerformance).toEqual([expect.objectContaining({ repId: fx.carol.id, leadsAssigned: 0, conversionRate: 0 })]);
    expect(carol.funnel.stages.map((s) => [s.leads, s.rateFromPrevious])).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]);
    expect(carol.timeToConversion).toMatchObject({ conversions: 0, medianDays: 0, medianContactToDealDays: 0 });
    expect(carol.heatmap).toMatchObject({ total: 0, max: 0 });
    expect(carol.forecast).toMatchObject({ openValue: 0, forecastValue: 0 });
    expectAllFinite(carol);

    const empty = await loadAnalyticsPage(fx.manager, { from: "2014-03-01", to: "2014-03-31", timeZone: "America/Chicago" });
    expect(empty.leadsBySource.buckets.every((b) => b.total === 0)).toBe(true);
    expect(empty.revenueByMonth).toMatchObject({ total: 0, months: [{ month: "2014-03-01", revenue: 0, conversions: 0, byRep: {} }] });
    expect(empty.followUps.groups.every((g) => g.followUps === 0 && g.conversionRate === 0)).toBe(true);
    expect(empty.pipeline.openValue).toBe(0);
    expectAllFinite(empty);
  });
});

describe("filter validation", () => {
  it("answers 400 naming the field for a bad filter", async () => {
    await expect(getRepPerformance(fx.manager, { from: "2015-01-18", to: "2015-01-05" })).rejects.toMatchObject({
      status: 400, issues: [expect.objectContaining({ path: "to" })],
    });
    await expect(getCallHeatmap(fx.manager, { from: "2015-02-30", to: "2015-03-01" })).rejects.toMatchObject({
      status: 400, issues: [expect.objectContaining({ path: "from" })],
    });
    await expect(getFollowUpEffectiveness(fx.manager, { ...fx.range, source: "fax" as never })).rejects.toMatchObject({ status: 400 });
    await expect(getFollowUpEffectiveness(fx.manager, { ...fx.range, timeZone: "Mars/Olympus" })).rejects.toMatchObject({ status: 400 });
    await expect(getLeadsBySource(fx.manager, { from: "2010-01-01", to: "2015-01-01" })).rejects.toMatchObject({ status: 400 });
  });
});
