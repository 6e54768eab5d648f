// Issue #19: speed to lead and time to conversion read lead_facts (migration `lead_facts`: one row
// per lead, kept by statement triggers in the same transaction as each write, business minutes
// counted by the analytics-rollups-refresh job). Here the facts-backed figures equal the live
// queries ({ live: true }) for every filter: as written, before and after the job counts the
// minutes, after claims, reassignments, logged and undone actions, sent emails, conversions,
// deletes and lead edits through the domain functions and directly, after a change of working
// hours, when two transactions write one lead at once, and after the big seed's bulk load. Own
// database: it changes the company's working hours, which other files' figures read.
import crypto from "node:crypto";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { fillLeadFactMinutes } from "@/lib/analytics/fill-lead-fact-minutes";
import { refreshAnalyticsRollups } from "@/lib/analytics/refresh-analytics-rollups";
import { getSpeedToLead, type TSpeedRow } from "@/lib/analytics/get-speed-to-lead";
import { analyticsFreshness } from "@/lib/analytics/analytics-rollups";
import type { TAnalyticsFilter } from "@/lib/analytics/analytics-filter";
import { getTimeToConversion } from "@/lib/analytics/get-time-to-conversion";
import { claimLead } from "@/lib/leads/claim-lead";
import { assignLead } from "@/lib/leads/assign-lead";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { voidSalesAction } from "@/lib/leads/void-sales-action";
import { convertLead } from "@/lib/leads/convert-lead";
import { putCompanySetting } from "@/lib/kernel/company-settings";
import { zonedDay } from "@/lib/kernel/zoned-time";
import { makeCompany, makeUser } from "../fixtures/factories";
import { seededRandom } from "../fixtures/seeded-random";
import { runInOwnDatabase } from "../fixtures/own-database";
import { seedBig } from "@/scripts/lib/seed-big";

runInOwnDatabase("pilot_crm_test_facts");

const ZONE = "America/Chicago";
// March 2011 crosses the start of daylight-saving time (13 March): working minutes across it.
const MARCH = { from: "2011-03-01", to: "2011-03-31", timeZone: ZONE };
const base = Date.UTC(2011, 2, 1, 6); // 1 March 2011, midnight in Chicago (CST)
const minutes = (n: number) => n * 60_000;

let manager: TActor;
let reps: TActor[];
let territoryId: number;
let companyId: number;

// The same generated history on every run.
const { rand, pick } = seededRandom(1103);

const email = (leadId: number, senderId: number, sentAt: Date | null) =>
  db.emailMessage.create({
    data: {
      leadId,
      senderId,
      toEmail: "ops@carrier.example",
      fromEmail: "sales@pilot.example",
      replyToken: crypto.randomBytes(16).toString("hex"),
      subject: "Your load",
      bodyText: "Hello",
      bodyHtml: "<p>Hello</p>",
      status: sentAt ? "delivered" : "queued",
      sentAt,
      createdAt: sentAt ?? new Date(base),
    },
  });

async function makeLeadWithHistory() {
  const created = new Date(base + minutes(rand(30 * 24 * 60)));
  const rep = pick(reps);
  const lead = await db.salesLead.create({
    data: {
      companyId,
      leadSource: pick(["load_plan", "quote", "location_share", "manual"] as const),
      status: "assigned",
      assignedAdminId: rep.id,
      states: pick([["OR"], ["WA", "ID"], ["TX"], ["OR", "CA"]]),
      needsPolice: rand(4) === 0,
      superload: rand(5) === 0,
      createdAt: created,
      lastActivityAt: created,
    },
  });
  const after = (max: number) => new Date(created.getTime() + minutes(rand(max)));
  // Claimed by the rep, or assigned by the manager (naming the rep as `to_admin_id` or the older
  // `to`), sometimes reassigned later; one lead in six never.
  const claim = rand(6);
  if (claim < 3) await db.leadEvent.create({ data: { leadId: lead.id, actorId: rep.id, type: "claimed", createdAt: after(3000) } });
  else if (claim < 5)
    await db.leadEvent.create({
      data: { leadId: lead.id, actorId: manager.id, type: "assigned", createdAt: after(600), data: claim === 3 ? { to_admin_id: rep.id } : { to: rep.id } },
    });
  if (claim < 5 && rand(4) === 0)
    await db.leadEvent.create({ data: { leadId: lead.id, actorId: manager.id, type: "assigned", createdAt: after(9000), data: { to_admin_id: pick(reps).id } } });
  // Actions in one statement (a bulk insert passes all of them to the trigger at once), some undone.
  const n = rand(4);
  await db.salesAction.createMany({
    data: Array.from({ length: n }, () => ({
      leadId: lead.id,
      adminId: rand(5) === 0 ? pick(reps).id : rep.id,
      actionType: pick(["call", "email", "text"] as const),
      outcome: pick(["answered", "interested", "no_answer"] as const),
      createdAt: after(6000),
      voidedAt: rand(5) === 0 ? new Date(base + minutes(50 * 24 * 60)) : null,
    })),
  });
  // An email, sent (sometimes before any action) or still queued.
  if (rand(3) === 0) await email(lead.id, rep.id, rand(4) === 0 ? null : after(4000));
  if (rand(3) === 0)
    await db.salesConversion.create({
      data: { leadId: lead.id, adminId: rand(5) === 0 ? pick(reps).id : rep.id, conversionValue: 100 + rand(900), conversionType: "order_placed", createdAt: after(20_000) },
    });
  return lead.id;
}

function filters(): TAnalyticsFilterInput[] {
  return [
    MARCH,
    { ...MARCH, repId: reps[0].id },
    { ...MARCH, territoryId },
    { ...MARCH, source: "quote" },
    { ...MARCH, haul: "police_or_superload" },
    { ...MARCH, repId: reps[1].id, haul: "superload" },
    { from: "2011-02-15", to: "2011-05-31", timeZone: ZONE, territoryId, source: "load_plan" },
    { from: "2011-01-01", to: "2011-12-31", timeZone: ZONE },
  ];
}

// `facts`: from lead_facts even where the speed rollup could answer (it is compared below).
async function expectFactsEqualLive(extra: TAnalyticsFilterInput[] = []) {
  for (const f of [...filters(), ...extra]) {
    expect({ f, speed: await getSpeedToLead(manager, f, { facts: true }) }).toEqual({ f, speed: await getSpeedToLead(manager, f, { live: true }) });
    expect({ f, conversion: await getTimeToConversion(manager, f, { facts: true }) }).toEqual({ f, conversion: await getTimeToConversion(manager, f, { live: true }) });
  }
  // A rep sees their own figures from the facts too.
  expect(await getSpeedToLead(reps[2], MARCH)).toEqual(await getSpeedToLead(reps[2], MARCH, { live: true }));
}

// A median or 90th percentile read from the minute buckets lies within a bucket's width of the
// exact one (the edges grow by a third at most from one to the next), plus the rounding to 0.1.
const near = (read: number | null, exact: number | null) => (read === null || exact === null ? read === exact : Math.abs(read - exact) <= 0.34 * exact + 0.1);

/**
 * The speed rollup, refreshed just before, against the lead_facts query for the team views it
 * answers: the same groups, counts and shares exactly, the medians and 90th percentiles near.
 */
async function expectSpeedRollupNearFacts(extra: TAnalyticsFilterInput[] = []) {
  for (const f of [MARCH, { from: "2011-03-07", to: "2011-03-20", timeZone: ZONE }, { from: "2011-01-01", to: "2011-12-31", timeZone: ZONE }, ...extra]) {
    const freshness = await analyticsFreshness({ ...f, timeZone: ZONE } as TAnalyticsFilter);
    expect(freshness.find((x) => x.figure.startsWith("Speed to lead"))?.asOf).toBeInstanceOf(Date);
    const [rolled, facts] = [await getSpeedToLead(manager, f), await getSpeedToLead(manager, f, { facts: true })];
    const exactPart = (rows: TSpeedRow[]) => rows.map((r) => ({ ...r, medianMinutes: 0, p90Minutes: 0, businessMedianMinutes: 0, businessP90Minutes: 0 }));
    expect({ f, rows: exactPart(rolled.rows) }).toEqual({ f, rows: exactPart(facts.rows) });
    expect(rolled.rows.length).toBeGreaterThan(8);
    rolled.rows.forEach((r, i) => {
      const e = facts.rows[i];
      const pairs = [[r.medianMinutes, e.medianMinutes], [r.p90Minutes, e.p90Minutes], [r.businessMedianMinutes, e.businessMedianMinutes], [r.businessP90Minutes, e.businessP90Minutes]];
      for (const [read, exact] of pairs) expect({ f, row: `${r.metric} ${r.dimension} ${r.key}`, read, exact, near: near(read, exact) }).toMatchObject({ near: true });
    });
    // Time to conversion's day buckets likewise, for the team and a rep.
    for (const g of [f, { ...f, repId: reps[0].id }]) {
      const [c, e] = [await getTimeToConversion(manager, g), await getTimeToConversion(manager, g, { facts: true })];
      expect({ g, c: { ...c, medianDays: 0, medianContactToDealDays: 0 } }).toEqual({ g, c: { ...e, medianDays: 0, medianContactToDealDays: 0 } });
      expect({ g, near: [near(c.medianDays, e.medianDays), near(c.medianContactToDealDays, e.medianContactToDealDays)] }).toEqual({ g, near: [true, true] });
    }
  }
}

const factOf = (leadId: number) => db.leadFact.findUniqueOrThrow({ where: { leadId } });

beforeAll(async () => {
  manager = (await makeUser({ role: "super_admin", name: "Facts Manager" })).actor;
  reps = [(await makeUser({ name: "Facts Rep A" })).actor, (await makeUser({ name: "Facts Rep B" })).actor, (await makeUser({ name: "Facts Rep C" })).actor];
  territoryId = (await db.territory.create({ data: { name: "Facts Northwest", states: ["OR", "WA"] } })).id;
  companyId = (await makeCompany()).id;
  for (let i = 0; i < 90; i++) await makeLeadWithHistory();
}, 120_000);

it("keeps one fact row per lead, equal to the live queries before and after the job counts the working minutes", async () => {
  expect(await db.leadFact.count()).toBe(await db.salesLead.count());
  // Nothing counted yet: the figure counts the working minutes itself.
  expect(await db.leadFact.count({ where: { claimBusinessMinutes: { not: null } } })).toBe(0);
  const speed = await getSpeedToLead(manager, MARCH);
  // Something to compare: claims and touches in both clocks.
  expect(speed.claim.reached).toBeGreaterThan(40);
  expect(speed.touch.reached).toBeGreaterThan(20);
  expect(speed.claim.businessMedianMinutes).not.toBeNull();
  expect((await getTimeToConversion(manager, MARCH, { facts: true })).conversions).toBeGreaterThan(10);
  await expectFactsEqualLive();

  const first = await fillLeadFactMinutes();
  expect(first.recounted).toBe(true);
  expect(first.filled).toBeGreaterThan(40);
  const claimed = await db.leadFact.count({ where: { claimAt: { not: null } } });
  expect(await db.leadFact.count({ where: { claimBusinessMinutes: { not: null } } })).toBe(claimed);
  await expectFactsEqualLive();
  // The next run has nothing left to count.
  expect(await fillLeadFactMinutes()).toMatchObject({ filled: 0, recounted: false });
});

it("reads the team's speed to lead from the rollup once refreshed: the same counts, medians within a bucket", async () => {
  await refreshAnalyticsRollups();
  await expectSpeedRollupNearFacts();
  // Not for a rep or with lead filters: those read lead_facts, exactly as live.
  for (const f of [{ ...MARCH, repId: reps[0].id }, { ...MARCH, source: "quote" as const }, { ...MARCH, territoryId }])
    expect(await getSpeedToLead(manager, f)).toEqual(await getSpeedToLead(manager, f, { live: true }));
});

it("follows claims, reassignments, logged and undone actions, conversions, emails, deletes and lead edits", async () => {
  await refreshAnalyticsRollups();
  const today = zonedDay(new Date(), ZONE);
  const thisMonth = { from: `${today.slice(0, 8)}01`, to: today, timeZone: ZONE };

  // Through the domain functions, today: a claim, a reassignment, a call undone moments later
  // (the lead is untouched again), another action, a conversion.
  const lead = await db.salesLead.create({ data: { companyId, leadSource: "quote", status: "pending", states: ["OR"], createdAt: new Date(Date.now() - minutes(90)) } });
  await claimLead(reps[0], { lead_id: lead.id });
  await assignLead(manager, { lead_id: lead.id, admin_id: reps[1].id });
  await addSalesAction(reps[1], { lead_id: lead.id, action_type: "call", outcome: "answered" });
  const call = await db.salesAction.findFirstOrThrow({ where: { leadId: lead.id } });
  expect(await factOf(lead.id)).toMatchObject({ claimRepId: reps[0].id, touchAt: call.createdAt, touchRepId: reps[1].id });
  await voidSalesAction(reps[1], { action_id: call.id });
  expect(await factOf(lead.id)).toMatchObject({ touchAt: null, touchRepId: null, firstActionAt: null });
  await addSalesAction(reps[1], { lead_id: lead.id, action_type: "email" });
  const second = await db.salesAction.findFirstOrThrow({ where: { leadId: lead.id, voidedAt: null } });
  expect(await factOf(lead.id)).toMatchObject({ touchAt: second.createdAt, touchRepId: reps[1].id, firstActionAt: second.createdAt });
  await convertLead(reps[1], { lead_id: lead.id, conversion_value: 900, conversion_type: "order_placed" });
  expect(await factOf(lead.id)).toMatchObject({ conversionRepId: reps[1].id });

  // Directly, in March 2011.
  const march = await db.leadFact.findMany({ where: { createdAt: { gte: new Date(base), lt: new Date(base + minutes(31 * 24 * 60)) } }, orderBy: { leadId: "asc" } });
  const touched = march.filter((f) => f.touchAt && f.firstActionAt);
  // An email sent before the lead's first action becomes its first touch.
  const early = touched[0];
  await email(early.leadId, reps[2].id, new Date(early.createdAt.getTime() + minutes(1)));
  expect(await factOf(early.leadId)).toMatchObject({ touchRepId: reps[2].id, touchBusinessMinutes: null });
  // A queued email delivered later: sent_at set by an update.
  const queued = await email(touched[1].leadId, reps[0].id, null);
  await db.emailMessage.update({ where: { id: queued.id }, data: { sentAt: new Date(touched[1].createdAt.getTime() + minutes(2)), status: "delivered" } });
  // An action undone (voided_at) and one deleted; an action moved to another time.
  const act = await db.salesAction.findFirstOrThrow({ where: { leadId: touched[2].leadId, voidedAt: null }, orderBy: { createdAt: "asc" } });
  await db.salesAction.update({ where: { id: act.id }, data: { voidedAt: new Date(), voidedById: act.adminId } });
  const other = await db.salesAction.findFirstOrThrow({ where: { leadId: touched[3].leadId, voidedAt: null }, orderBy: { createdAt: "asc" } });
  await db.salesAction.delete({ where: { id: other.id } });
  const moved = await db.salesAction.findFirstOrThrow({ where: { leadId: touched[4].leadId, voidedAt: null }, orderBy: { createdAt: "asc" } });
  await db.salesAction.update({ where: { id: moved.id }, data: { createdAt: new Date(moved.createdAt.getTime() - minutes(45)) } });
  // A claim event deleted, one backdated; a conversion deleted, one moved to another rep.
  const claims = await db.leadEvent.findMany({ where: { type: { in: ["claimed", "assigned"] }, lead: { companyId } }, orderBy: { id: "asc" }, take: 2 });
  await db.leadEvent.delete({ where: { id: claims[0].id } });
  await db.leadEvent.update({ where: { id: claims[1].id }, data: { createdAt: new Date(claims[1].createdAt.getTime() - minutes(30)) } });
  const conversions = await db.salesConversion.findMany({ where: { lead: { companyId }, createdAt: { lt: new Date(2012, 0, 1) } }, orderBy: { id: "asc" }, take: 2 });
  await db.salesConversion.delete({ where: { id: conversions[0].id } });
  await db.salesConversion.update({ where: { id: conversions[1].id }, data: { adminId: reps[2].id } });
  // A lead's arrival moved (its minutes are counted again), states and haul flags edited.
  const edited = march[5];
  await db.salesLead.update({ where: { id: edited.leadId }, data: { createdAt: new Date(edited.createdAt.getTime() - minutes(600)) } });
  expect(await factOf(edited.leadId)).toMatchObject({ claimBusinessMinutes: null, touchBusinessMinutes: null });
  await db.salesLead.update({ where: { id: march[6].leadId }, data: { states: ["WA"], needsPolice: true, leadSource: "quote" } });
  // A new lead in one statement with its claim: the insert triggers see it.
  await makeLeadWithHistory();

  // Not counted yet: the figures count the missing minutes live.
  await expectFactsEqualLive([thisMonth]);
  await fillLeadFactMinutes();
  expect(await factOf(edited.leadId)).not.toMatchObject({ claimBusinessMinutes: null });
  await expectFactsEqualLive([thisMonth]);
  // The rollup, refreshed, has every change too.
  await refreshAnalyticsRollups();
  await expectSpeedRollupNearFacts([thisMonth]);
});

it("counts every lead again after the working hours change, and reads live until then", async () => {
  await fillLeadFactMinutes();
  await db.$transaction((tx) => putCompanySetting(tx, "businessHours", { days: [1, 2, 3, 4, 5, 6], start: "07:30", end: "19:00" }));
  // The stored minutes and the rollup are of the old hours: the figure uses neither.
  await expectFactsEqualLive();
  expect(await getSpeedToLead(manager, MARCH)).toEqual(await getSpeedToLead(manager, MARCH, { live: true }));
  expect((await analyticsFreshness({ ...MARCH } as TAnalyticsFilter)).find((x) => x.figure.startsWith("Speed to lead"))?.asOf).toBeNull();
  const recount = await fillLeadFactMinutes();
  expect(recount.recounted).toBe(true);
  expect(recount.filled).toBe(await db.leadFact.count({ where: { OR: [{ claimAt: { not: null } }, { touchAt: { not: null } }] } }));
  await expectFactsEqualLive();
  // Refreshed in the new hours, the rollup answers again.
  await refreshAnalyticsRollups();
  await expectSpeedRollupNearFacts();
});

it("keeps both writes when two transactions change one lead's facts at once", async () => {
  const lead = await db.salesLead.create({ data: { companyId, leadSource: "manual", status: "assigned", states: ["TX"], createdAt: new Date(base + minutes(60)) } });
  const mail = await email(lead.id, reps[0].id, null);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let inserted!: () => void;
  const actionWritten = new Promise<void>((resolve) => (inserted = resolve));
  // One transaction logs an action and stays open; meanwhile the email's delivery is recorded.
  const logging = db.$transaction(async (tx) => {
    await tx.salesAction.create({ data: { leadId: lead.id, adminId: reps[0].id, actionType: "call", outcome: "answered", createdAt: new Date(base + minutes(120)) } });
    inserted();
    await gate;
  });
  await actionWritten;
  let done = false;
  const delivering = db.emailMessage
    .update({ where: { id: mail.id }, data: { sentAt: new Date(base + minutes(90)), status: "delivered" } })
    .then(() => (done = true));
  // The delivery's trigger waits for the fact row the open transaction holds.
  for (let waiting = false; !waiting && !done; )
    waiting = (await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)[0].n > 0;
  expect(done).toBe(false);
  release();
  await Promise.all([logging, delivering]);
  expect(await factOf(lead.id)).toMatchObject({
    touchAt: new Date(base + minutes(90)),
    touchRepId: reps[0].id,
    firstActionAt: new Date(base + minutes(120)),
  });
});

it("has the big seed's bulk load leave the facts as the triggers would have", async () => {
  await seedBig({ leads: 300, actions: 2000, quiet: true });
  expect(await db.leadFact.count()).toBe(await db.salesLead.count());
  const lastYear = { from: zonedDay(new Date(Date.now() - 364 * 86_400_000), ZONE), to: zonedDay(new Date(), ZONE), timeZone: ZONE };
  expect((await getTimeToConversion(manager, lastYear, { facts: true })).contacted).toBeGreaterThan(10);
  await expectFactsEqualLive([lastYear]);
  await refreshAnalyticsRollups();
  await expectSpeedRollupNearFacts([lastYear]);
});

it("writes a new lead's facts from the inserted row, complete even when its first action comes in the same statement", async () => {
  // A lead alone: its facts row at once, with nothing to claim or touch yet.
  const [{ id: alone }] = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO sales_leads (company_id, lead_source, states, needs_police, superload, updated_at)
    VALUES (${companyId}, 'quote', ARRAY['OR'], true, false, now()) RETURNING id`;
  expect(await factOf(alone)).toMatchObject({ leadSource: "quote", states: ["OR"], needsPolice: true, superload: false, claimAt: null, touchAt: null, firstActionAt: null });

  // A lead and its first action in one statement: whichever facts trigger fires first, the action counts.
  const at = new Date(base + minutes(5));
  const [{ id: both }] = await db.$queryRaw<{ id: number }[]>`
    WITH l AS (INSERT INTO sales_leads (company_id, lead_source, states, created_at, updated_at)
               VALUES (${companyId}, 'load_plan', ARRAY['WA'], ${new Date(base)}, now()) RETURNING id),
         a AS (INSERT INTO sales_actions (lead_id, admin_id, action_type, outcome, created_at)
               SELECT l.id, ${reps[0].id}, 'call', 'answered', ${at} FROM l RETURNING lead_id)
    SELECT lead_id AS id FROM a`;
  expect(await factOf(both)).toMatchObject({ firstActionAt: at, touchAt: at, touchRepId: reps[0].id });
  await expectFactsEqualLive();
});
