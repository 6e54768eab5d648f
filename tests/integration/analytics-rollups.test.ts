// Issue #19: the analytics rollups (materialized views refreshed by the analytics-rollups-refresh
// job) give the same figures as the live queries once refreshed, after inserts, updates, undone
// calls (voided_at) and deletes; before the refresh they are stale, and the page says as of when.
// The history here is generated (a fixed pseudo-random sequence) in June 2012, Chicago summer
// time, dates no other test uses. Team-wide figures over all time (the forecast) or over every
// user or territory (other test files add those while this runs) are compared for this file's
// reps and territory only.
import crypto from "node:crypto";
import pg from "pg";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { ANALYTICS_ROLLUPS, analyticsFreshness, type TFigureOptions } from "@/lib/analytics/analytics-rollups";
import { refreshAnalyticsRollups } from "@/lib/analytics/refresh-analytics-rollups";
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
import { loadAnalyticsPage } from "@/lib/analytics/load-analytics-page";
import { makeCompany, makeUser } from "../fixtures/factories";
import { seededRandom } from "../fixtures/seeded-random";

type TFigure = (actor: TActor, f: TAnalyticsFilterInput, o?: TFigureOptions) => Promise<unknown>;

const ZONE = "America/Chicago";
const RANGE = { from: "2012-06-04", to: "2012-06-24", timeZone: ZONE };
// Chicago summer time is UTC−5.
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2012, 5, day, hour + 5, minute));

let manager: TActor;
let reps: TActor[];
let territoryId: number;
let companyId: number;

// The same generated history on every run.
const { rand, pick } = seededRandom(19);

async function makeLeadWithHistory(day: number) {
  const holder = rand(4) === 0 ? null : pick(reps);
  const status = holder ? pick(["assigned", "in_progress", "converted", "lost"] as const) : "pending";
  const created = at(day, rand(24), rand(60));
  const lead = await db.salesLead.create({
    data: {
      companyId,
      leadSource: pick(["load_plan", "quote", "location_share", "order_attempt", "manual"] as const),
      estimatedValue: rand(5) === 0 ? 0 : 100 * (1 + rand(30)),
      status,
      assignedAdminId: holder?.id ?? null,
      assignedAt: holder ? new Date(created.getTime() + 3_600_000 * (1 + rand(48))) : null,
      states: pick([["OR"], ["WA", "ID"], ["TX"], ["OR", "CA"], ["NV"]]),
      needsPolice: rand(4) === 0,
      superload: rand(5) === 0,
      createdAt: created,
      lastActivityAt: created,
      // Closed leads' latest follow-ups are judged by the closing.
      closedAt: status === "converted" || status === "lost" ? new Date(created.getTime() + 3_600_000 * (24 + rand(150))) : null,
    },
  });
  const actions = holder ? rand(4) : 0;
  for (let i = 0; i < actions; i++)
    await db.salesAction.create({
      data: {
        leadId: lead.id,
        adminId: holder!.id,
        actionType: pick(["call", "call", "email", "text"] as const),
        outcome: pick(["answered", "interested", "no_answer", null] as const),
        createdAt: new Date(created.getTime() + 3_600_000 * (2 + rand(100))),
        // Follow-ups kept, late and missed (the next action's time is set by the insert trigger).
        followUpDate: rand(4) === 0 ? null : new Date(created.getTime() + 3_600_000 * rand(120)),
        // Some calls already undone.
        voidedAt: rand(6) === 0 ? new Date(created.getTime() + 3_600_000 * 200) : null,
      },
    });
  if (status === "converted")
    await db.salesConversion.create({
      data: { leadId: lead.id, adminId: rand(5) === 0 ? pick(reps).id : holder!.id, conversionValue: 50 * (1 + rand(40)), conversionType: "order_placed", createdAt: new Date(created.getTime() + 86_400_000 * (1 + rand(5))) },
    });
  if (!holder && rand(3) === 0) await db.leadEvent.create({ data: { leadId: lead.id, actorId: manager.id, type: "claimed", createdAt: created } });
  return lead.id;
}

beforeAll(async () => {
  manager = (await makeUser({ role: "super_admin", name: "Rollup Manager" })).actor;
  reps = [(await makeUser({ name: "Rollup Rep A" })).actor, (await makeUser({ name: "Rollup Rep B" })).actor, (await makeUser({ name: "Rollup Rep C" })).actor];
  territoryId = (await db.territory.create({ data: { name: `Rollup Northwest ${crypto.randomBytes(4).toString("hex")}`, states: ["OR", "WA"] } })).id;
  companyId = (await makeCompany()).id;
  for (let day = 1; day <= 28; day++) for (let i = 0; i < 3; i++) await makeLeadWithHistory(day);
});

// Each figure with the filters whose rows are all this file's (see the header).
function cases(): { name: string; run: (o?: TFigureOptions) => Promise<unknown> }[] {
  const out: { name: string; run: (o?: TFigureOptions) => Promise<unknown> }[] = [];
  const mine = (rows: { repId: number }[]) => rows.filter((r) => reps.some((x) => x.id === r.repId));
  const filters: TAnalyticsFilterInput[] = [
    RANGE,
    { ...RANGE, repId: reps[0].id },
    { ...RANGE, territoryId },
    { ...RANGE, source: "quote" },
    { ...RANGE, haul: "police_or_superload", repId: reps[1].id },
    { from: "2012-06-01", to: "2012-06-30", timeZone: ZONE, territoryId, source: "load_plan" },
    { from: "2012-05-01", to: "2012-12-31", timeZone: ZONE, repId: reps[2].id },
  ];
  for (const [i, f] of filters.entries()) {
    const team = !("repId" in f);
    const by = (name: string, run: (o?: TFigureOptions) => Promise<unknown>) => out.push({ name: `${name} #${i}`, run });
    const figures: Record<string, TFigure> = { getLeadsBySource, getConversionFunnel, getPipelineByStatus, getRevenueByMonth, getCallHeatmap, getFollowUpEffectiveness };
    for (const [name, fn] of Object.entries(figures)) by(name, (o) => fn(manager, f, o));
    by("getRepPerformance", async (o) => mine(await getRepPerformance(manager, f, o)));
    by("getRepProductivity", async (o) => mine(await getRepProductivity(manager, f, o)));
    by("getTerritoryComparison", async (o) => (await getTerritoryComparison(manager, f, o)).filter((r) => r.territoryId === territoryId));
    // The forecast's history is all time: only per rep is it this file's alone.
    if (!team) by("getPipelineForecast", (o) => getPipelineForecast(manager, f, o));
  }
  // A rep sees their own figures through the rollups too.
  out.push({ name: "rep's own funnel", run: (o) => getConversionFunnel(reps[1], RANGE, o) });
  out.push({ name: "rep's own follow-ups", run: (o) => getFollowUpEffectiveness(reps[0], RANGE, o) });
  // Ranges that start inside a lead's run of follow-ups (its earlier days fall before the range).
  for (const from of ["2012-06-09", "2012-06-15", "2012-06-21"])
    out.push({ name: `follow-ups from ${from}`, run: (o) => getFollowUpEffectiveness(manager, { from, to: "2012-07-20", timeZone: ZONE }, o) });
  return out;
}

async function expectRollupsEqualLive() {
  for (const c of cases()) {
    const [rolled, live] = [await c.run(), await c.run({ live: true })];
    expect({ figure: c.name, value: rolled }).toEqual({ figure: c.name, value: live });
  }
}

it("gives every rollup-backed figure exactly as the live queries, for each filter, once refreshed", async () => {
  const refreshed = await refreshAnalyticsRollups();
  // Every rollup, and lead_facts' business minutes first.
  expect(refreshed.map((r) => r.name)).toEqual(["lead_facts", ...ANALYTICS_ROLLUPS]);
  expect(refreshed.every((r) => r.timeZone === ZONE)).toBe(true);
  // A rollup summed from another holds what its source held: as of the source's refresh.
  const asOf = await db.analyticsRollupRefresh.findMany({ where: { name: { in: ["analytics_lead_daily", "analytics_lead_stage_daily"] } } });
  expect(asOf[0].refreshedAt).toEqual(asOf[1].refreshedAt);
  const freshness = await analyticsFreshness({ ...RANGE });
  expect(freshness.every((f) => f.asOf instanceof Date)).toBe(true);
  // The funnel has something in it, so the comparison is not between two zeros.
  const funnel = await getConversionFunnel(manager, RANGE);
  expect(funnel.stages[0].leads).toBeGreaterThan(40);
  expect(funnel.stages[4].leads).toBeGreaterThan(0);
  // …nor the follow-ups: every verdict occurs, and leads in each group.
  const followUps = await getFollowUpEffectiveness(manager, RANGE);
  expect(followUps.groups.map((g) => g.leads).every((n) => n > 0)).toBe(true);
  await expectRollupsEqualLive();
});

it("is stale after inserts, updates, undone calls and deletes until the next refresh, then equal again", async () => {
  await refreshAnalyticsRollups();
  const before = await getConversionFunnel(manager, RANGE);
  const heatBefore = await getCallHeatmap(manager, RANGE);
  const followUpsBefore = await getFollowUpEffectiveness(manager, RANGE);

  // Insert: new leads with actions.
  for (let i = 0; i < 4; i++) await makeLeadWithHistory(10);
  const fresh = await makeLeadWithHistory(11);
  await db.salesAction.create({ data: { leadId: fresh, adminId: reps[0].id, actionType: "call", outcome: "interested", createdAt: at(12, 9) } });
  // Update: a lead converted and reassigned; a lead's value and haul flags changed.
  const open = await db.salesLead.findFirstOrThrow({ where: { companyId, status: "in_progress", createdAt: { gte: at(4, 0), lt: at(25, 0) } } });
  await db.salesLead.update({ where: { id: open.id }, data: { status: "converted", assignedAdminId: reps[2].id, closedAt: at(20, 15) } });
  await db.salesConversion.create({ data: { leadId: open.id, adminId: reps[2].id, conversionValue: 999, conversionType: "order_placed", createdAt: at(20, 15) } });
  const other = await db.salesLead.findFirstOrThrow({ where: { companyId, status: "assigned", createdAt: { gte: at(4, 0), lt: at(25, 0) } } });
  await db.salesLead.update({ where: { id: other.id }, data: { estimatedValue: 12345, needsPolice: true, states: ["WA"] } });
  // Undo (as call undo does, lib/leads/void-sales-action.ts): voided_at set.
  const call = await db.salesAction.findFirstOrThrow({ where: { lead: { companyId }, actionType: "call", voidedAt: null, createdAt: { gte: at(5, 0), lt: at(24, 0) } } });
  await db.salesAction.update({ where: { id: call.id }, data: { voidedAt: new Date(), voidedById: call.adminId } });
  // Delete: an action and a conversion.
  const action = await db.salesAction.findFirstOrThrow({ where: { lead: { companyId }, voidedAt: null, createdAt: { gte: at(6, 0), lt: at(24, 0) } } });
  await db.salesAction.delete({ where: { id: action.id } });
  const conversion = await db.salesConversion.findFirstOrThrow({ where: { lead: { companyId }, createdAt: { gte: at(6, 0), lt: at(24, 0) } }, orderBy: { id: "asc" } });
  await db.salesConversion.delete({ where: { id: conversion.id } });

  // Not refreshed yet: the rollups still say what they said, the live queries have moved.
  expect(await getConversionFunnel(manager, RANGE)).toEqual(before);
  expect(await getCallHeatmap(manager, RANGE)).toEqual(heatBefore);
  expect(await getConversionFunnel(manager, RANGE, { live: true })).not.toEqual(before);
  expect(await getFollowUpEffectiveness(manager, RANGE)).toEqual(followUpsBefore);

  await refreshAnalyticsRollups();
  expect(await getConversionFunnel(manager, RANGE)).not.toEqual(before);
  await expectRollupsEqualLive();
});

it("computes live in another time zone than the rollups were cut in, and with lead filters for the hourly rollup", async () => {
  await refreshAnalyticsRollups();
  const denver = { ...RANGE, timeZone: "America/Denver" };
  const freshness = await analyticsFreshness(denver);
  expect(freshness.every((f) => f.asOf === null)).toBe(true);
  expect(await getLeadsBySource(manager, denver)).toEqual(await getLeadsBySource(manager, denver, { live: true }));
  const bySource = await analyticsFreshness({ ...RANGE, source: "quote" });
  expect(bySource.filter((f) => f.asOf === null).map((f) => f.figure)).toEqual([
    "Call heatmap",
    "Rep productivity (calls and emails logged)",
    "Rep productivity (emails sent and replied to)",
    "Follow-up effectiveness",
    expect.stringMatching(/^Speed to lead/),
    expect.stringMatching(/^Time to conversion/),
  ]);
  // Speed to lead is rolled up for the whole team only: a rep's view reads lead_facts.
  const byRep = await analyticsFreshness({ ...RANGE, repId: reps[0].id });
  expect(byRep.filter((f) => f.asOf === null).map((f) => f.figure)).toEqual([expect.stringMatching(/^Speed to lead/)]);
});

it("tells the page how fresh each rollup-backed figure is", async () => {
  await refreshAnalyticsRollups();
  const [row] = await db.$queryRaw<{ refreshed_at: Date }[]>`SELECT refreshed_at FROM analytics_rollup_refreshes WHERE name = 'analytics_lead_daily'`;
  const page = await loadAnalyticsPage(manager, RANGE);
  const funnel = page.freshness.find((f) => f.figure === "Conversion funnel");
  // Refreshes by other test files may land in between: as of this refresh or a later one.
  expect(funnel?.asOf?.getTime()).toBeGreaterThanOrEqual(row.refreshed_at.getTime());
  expect(page.freshness.map((f) => f.figure)).toEqual(expect.arrayContaining(["Leads by source", "Territory comparison", "Pipeline forecast"]));
});

it("reads the rollups' states and the working hours once for the whole page, and gives each figure as it gives alone", async () => {
  await refreshAnalyticsRollups();
  const queries = jest.spyOn(pg.Client.prototype, "query");
  const page = await loadAnalyticsPage(manager, RANGE);
  const texts = queries.mock.calls.map(([q]) => (typeof q === "string" ? q : ((q as { text?: string }).text ?? "")));
  queries.mockRestore();
  // Once for the page, not once per figure (four reads before, Prisma batching the figures' own).
  expect(texts.filter((t) => t.includes("analytics_rollup_refreshes"))).toHaveLength(1);
  expect(texts.filter((t) => t.includes('FROM "public"."settings"'))).toHaveLength(1);
  // The shared states choose the same sources: each figure is what it is when asked alone.
  expect(page.funnel).toEqual(await getConversionFunnel(manager, RANGE));
  expect(page.followUps).toEqual(await getFollowUpEffectiveness(manager, RANGE));
  expect(page.heatmap).toEqual(await getCallHeatmap(manager, RANGE));
  // This file's reps: the board lists every active rep, and other files add reps meanwhile.
  const ours = (rows: Awaited<ReturnType<typeof getRepPerformance>>) => rows.filter((r) => reps.some((x) => x.id === r.repId));
  expect(ours(page.repPerformance)).toEqual(ours(await getRepPerformance(manager, RANGE)));
  expect(page.productivity).toEqual(await getRepProductivity(manager, RANGE));
});
