// Speed-to-lead figures (lib/analytics/get-speed-to-lead.ts) on a hand-made history in February
// 2013 (dates no other test uses), Chicago winter time, default business hours (Monday–Friday
// 8:00–18:00). Every expected number is worked out by hand in the comments.
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { getSpeedToLead, type TSpeedRow } from "@/lib/analytics/get-speed-to-lead";
import { refreshAnalyticsRollups } from "@/lib/analytics/refresh-analytics-rollups";
import { chicago } from "../fixtures/analytics-fixture";
import { makeCompany, makeUser } from "../fixtures/factories";
import { runInOwnDatabase } from "../fixtures/own-database";

const RANGE = { from: "2013-02-01", to: "2013-02-28", timeZone: "America/Chicago" };

async function build() {
  const { actor: manager } = await makeUser({ role: "super_admin", name: "Speed Manager" });
  const { actor: alice } = await makeUser({ name: "Alice Speed" });
  const { actor: bob } = await makeUser({ name: "Bob Speed" });
  const territory = await db.territory.create({ data: { name: `Speed Southwest ${crypto.randomBytes(4).toString("hex")}`, states: ["NM", "AZ"] } });
  const company = await makeCompany();
  const lead = async (source: "load_plan" | "quote" | "manual", created: string, states: string[]) =>
    db.salesLead.create({ data: { companyId: company.id, leadSource: source, status: "pending", states, createdAt: chicago(created), lastActivityAt: chicago(created) } });
  const claim = (leadId: number, by: number, at: string) => db.leadEvent.create({ data: { leadId, actorId: by, type: "claimed", fromStatus: "pending", toStatus: "assigned", createdAt: chicago(at) } });
  const call = (leadId: number, by: number, at: string, voided = false) =>
    db.salesAction.create({
      data: { leadId, adminId: by, actionType: "call", actionDescription: "call", outcome: "answered", createdAt: chicago(at), ...(voided ? { voidedAt: chicago(at), voidedById: by } : {}) },
    });

  // L1 Monday 4 Feb 9:00, claimed by Alice at 9:02 (2 min), called 9:10 (10 min). In the territory.
  const l1 = await lead("load_plan", "2013-02-04T09:00", ["NM"]);
  await claim(l1.id, alice.id, "2013-02-04T09:02");
  await call(l1.id, alice.id, "2013-02-04T09:10");
  // L2 Monday 10:00, Bob claims 10:04 (4), calls 10:30 (30).
  const l2 = await lead("load_plan", "2013-02-04T10:00", ["TX"]);
  await claim(l2.id, bob.id, "2013-02-04T10:04");
  await call(l2.id, bob.id, "2013-02-04T10:30");
  // L3 Monday 11:00, Alice claims 11:30 (30), first touch an email sent 11:45 (45). In the territory.
  const l3 = await lead("quote", "2013-02-04T11:00", ["AZ", "TX"]);
  await claim(l3.id, alice.id, "2013-02-04T11:30");
  await db.emailMessage.create({
    data: {
      leadId: l3.id,
      senderId: alice.id,
      toEmail: "x@carrier.example",
      fromEmail: "sales@pilot.example",
      replyToken: crypto.randomBytes(16).toString("hex"),
      subject: "Hello",
      bodyText: "Hello",
      bodyHtml: "<p>Hello</p>",
      status: "sent",
      sentAt: chicago("2013-02-04T11:45"),
      createdAt: chicago("2013-02-04T11:45"),
    },
  });
  // L4 Friday 8 Feb 17:50, Bob claims Monday 11 Feb 8:10: 3740 minutes elapsed, 20 working
  // (Friday 17:50–18:00 and Monday 8:00–8:10); his call at 8:20: 3750 elapsed, 30 working.
  const l4 = await lead("quote", "2013-02-08T17:50", ["TX"]);
  await claim(l4.id, bob.id, "2013-02-11T08:10");
  await call(l4.id, bob.id, "2013-02-11T08:20");
  // L5 Tuesday 12:00, the manager assigns it to Alice at 14:00 (120); never touched.
  const l5 = await lead("manual", "2013-02-05T12:00", ["TX"]);
  await db.leadEvent.create({
    data: { leadId: l5.id, actorId: manager.id, type: "assigned", fromStatus: "pending", toStatus: "assigned", createdAt: chicago("2013-02-05T14:00"), data: { from_admin_id: null, to_admin_id: alice.id } },
  });
  // L6 Wednesday 9:00, never claimed.
  await lead("load_plan", "2013-02-06T09:00", ["TX"]);
  // L7 Wednesday 13:00, Alice claims 13:01 (1); a call at 13:05 she undid, then one at 13:20 (20).
  const l7 = await lead("load_plan", "2013-02-06T13:00", ["TX"]);
  await claim(l7.id, alice.id, "2013-02-06T13:01");
  await call(l7.id, alice.id, "2013-02-06T13:05", true);
  await call(l7.id, alice.id, "2013-02-06T13:20");
  return { manager, alice, bob, territory };
}

// Its own database: the team's rollup holds every lead of the database and answers only in the
// working hours it was counted in, so another file's refresh or change of the company's hours,
// running alongside on a shared database, would change which one the last test reads.
runInOwnDatabase("pilot_crm_test_speed");

let fx: Awaited<ReturnType<typeof build>>;
beforeAll(async () => {
  fx = await build();
});

// The team's view reads the speed rollup once a refresh has reached these leads: the exact figures
// worked out by hand are lead_facts' (`facts`); the last test reads the rollup.
const FACTS = { facts: true };

const row = (rows: TSpeedRow[], metric: string, dimension: string, key: string) => rows.find((r) => r.metric === metric && r.dimension === dimension && r.key === key);

describe("speed to lead", () => {
  it("gives the team's time to claim: median, p90, shares within 5 min and 1 h, elapsed and in working hours", async () => {
    const s = await getSpeedToLead(fx.manager, RANGE, FACTS);
    // Claims: 1, 2, 4, 30, 120, 3740 → median (4+30)/2 = 17; p90 at 4.5 → 120 + ½·3620 = 1930;
    // within 5: 3 of 6; within 60: 4 of 6. Working: 1, 2, 4, 20, 30, 120 → 12, 30 + ½·90 = 75, 3/6, 5/6.
    expect(s.claim).toEqual({
      reached: 6,
      waiting: 1,
      medianMinutes: 17,
      p90Minutes: 1930,
      within5Pct: 50,
      within60Pct: 66.7,
      businessMedianMinutes: 12,
      businessP90Minutes: 75,
      businessWithin5Pct: 50,
      businessWithin60Pct: 83.3,
    });
  });

  it("gives the time to first touch, a sent email counting, an undone call not", async () => {
    const s = await getSpeedToLead(fx.manager, RANGE, FACTS);
    // Touches: 10, 20, 30, 45, 3750 → median 30; p90 at 3.6 → 45 + 0.6·3705 = 2268; none within 5;
    // 4 of 5 within 60. Working: 10, 20, 30, 30, 45 → 30; 30 + 0.6·15 = 39; 0 %; 100 %.
    expect(s.touch).toEqual({
      reached: 5,
      waiting: 2,
      medianMinutes: 30,
      p90Minutes: 2268,
      within5Pct: 0,
      within60Pct: 80,
      businessMedianMinutes: 30,
      businessP90Minutes: 39,
      businessWithin5Pct: 0,
      businessWithin60Pct: 100,
    });
  });

  it("breaks the figures down per rep, source, territory and period", async () => {
    const { rows } = await getSpeedToLead(fx.manager, RANGE, FACTS);
    // Alice claimed 1, 2, 30, 120 → 16; Bob 4, 3740 → 1872.
    expect(row(rows, "claim", "rep", String(fx.alice.id))).toMatchObject({ label: "Alice Speed", reached: 4, medianMinutes: 16 });
    expect(row(rows, "claim", "rep", String(fx.bob.id))).toMatchObject({ label: "Bob Speed", reached: 2, medianMinutes: 1872, businessMedianMinutes: 12 });
    // Load plans 1, 2, 4 (one still waiting); quotes 30, 3740; the manual lead 120.
    expect(row(rows, "claim", "source", "load_plan")).toMatchObject({ label: "Load plan", reached: 3, waiting: 1, medianMinutes: 2 });
    expect(row(rows, "claim", "source", "quote")).toMatchObject({ reached: 2, medianMinutes: 1885 });
    expect(row(rows, "claim", "source", "manual")).toMatchObject({ reached: 1, medianMinutes: 120 });
    // The territory (NM, AZ) holds L1 and L3: 2 and 30.
    expect(row(rows, "claim", "territory", String(fx.territory.id))).toMatchObject({ label: fx.territory.name, reached: 2, medianMinutes: 16 });
    // Days of the company calendar: Monday 4 Feb had L1–L3 (2, 4, 30).
    expect(row(rows, "claim", "period", "2013-02-04")).toMatchObject({ reached: 3, medianMinutes: 4, within5Pct: 66.7 });
    expect(row(rows, "touch", "rep", String(fx.bob.id))).toMatchObject({ reached: 2, medianMinutes: 1890 });
  });

  it("filters by source", async () => {
    const s = await getSpeedToLead(fx.manager, { ...RANGE, source: "quote" });
    expect(s.claim).toMatchObject({ reached: 2, waiting: 0, medianMinutes: 1885, businessMedianMinutes: 25 });
  });

  it("gives a rep their own claims and touches only, and 404 for another rep's", async () => {
    const s = await getSpeedToLead(fx.alice, RANGE);
    expect(s.claim).toMatchObject({ reached: 4, medianMinutes: 16 });
    // Alice's touches: 10, 45, 20 → 20.
    expect(s.touch).toMatchObject({ reached: 3, medianMinutes: 20 });
    expect(s.rows.filter((r) => r.dimension === "rep").map((r) => r.key)).toEqual([String(fx.alice.id), String(fx.alice.id)]);
    await expect(getSpeedToLead(fx.alice, { ...RANGE, repId: fx.bob.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reads the team's figures from the rollup once refreshed: the same counts and shares, medians from the buckets", async () => {
    await refreshAnalyticsRollups();
    const s = await getSpeedToLead(fx.manager, RANGE);
    // Counts and shares exact (5 and 60 minutes are bucket edges).
    expect(s.claim).toMatchObject({ reached: 6, waiting: 1, within5Pct: 50, within60Pct: 66.7, businessWithin5Pct: 50, businessWithin60Pct: 83.3 });
    expect(s.touch).toMatchObject({ reached: 5, waiting: 2, within5Pct: 0, within60Pct: 80, businessWithin60Pct: 100 });
    // Claims 1, 2, 4, 30, 120, 3740 in buckets (0.8, 1], (1.5, 2], (3, 4], (25, 30], (100, 120],
    // (3000, 4000], each read as its bucket's middle: (3.5 + 27.5) / 2 = 15.5 (exactly 17).
    expect(s.claim.medianMinutes).toBe(15.5);
    // Monday 4 Feb: 2, 4, 30 → the middle of (3, 4].
    expect(row(s.rows, "claim", "period", "2013-02-04")).toMatchObject({ reached: 3, medianMinutes: 3.5, within5Pct: 66.7 });
    expect(row(s.rows, "claim", "territory", String(fx.territory.id))).toMatchObject({ reached: 2, within5Pct: 50 });
  });
});
