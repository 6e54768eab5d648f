import { db } from "@/lib/db";
import { assertClaimAllowed } from "@/lib/territories/assert-claim-allowed";
import { claimLead } from "@/lib/leads/claim-lead";
import { assignLead } from "@/lib/leads/assign-lead";
import { autoAssignLead } from "@/lib/territories/auto-assign-lead";
import { createSalesLead } from "@/lib/ingest/create-sales-lead";
import { setTerritorySettings } from "@/lib/territories/set-territory-settings";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { getCompanyTimeZone } from "@/lib/kernel/company-settings";
import { TIME_ZONE_SQL } from "@/lib/kernel/company-settings";
import { makeCompany, makeLead, makeUser } from "../fixtures/factories";
import { makeTerritory } from "../fixtures/calls";
import { companyFor, EVENT_DATA } from "../fixtures/lead-webhook";
import { runInOwnDatabase } from "../fixtures/own-database";
import type { Prisma } from "@/lib/generated/prisma/client";

// Strict mode and auto-assignment are company-wide switches: this file flips them in a database
// of its own so that no other test file ever runs under them.
runInOwnDatabase();

const inTx = <T>(fn: (tx: Prisma.TransactionClient) => Promise<T>) =>
  db.$transaction(fn, { maxWait: 60_000, timeout: 60_000 });

describe("strict territory mode", () => {
  it("refuses a rep's claim outside their territories (through claimLead), allows one touching any route state, and the manager always", async () => {
    const { actor: rep } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    await makeTerritory(["VT"], [rep.id]);
    const onRoute = await makeLead({ states: ["NY", "VT", "NH"] });
    const outside = await makeLead({ states: ["ME", "NH"] });
    const outsideToo = await makeLead({ states: ["ME"] });

    await setTerritorySettings(manager, { territoryMode: "strict" });
    await expect(claimLead(rep, { lead_id: outside.id })).rejects.toMatchObject({
      status: 403,
      message: "This lead is outside your territories (ME, NH)",
    });
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: outside.id } })).toMatchObject({
      status: "pending",
      assignedAdminId: null,
    });
    expect(await db.leadEvent.count({ where: { leadId: outside.id, type: "claimed" } })).toBe(0);
    await expect(claimLead(rep, { lead_id: onRoute.id })).resolves.toMatchObject({
      status: "assigned",
      assigned_admin_id: rep.id,
    });
    // The manager overrides: claims for themselves, or assigns the lead to the rep.
    await expect(claimLead(manager, { lead_id: outside.id })).resolves.toMatchObject({
      assigned_admin_id: manager.id,
    });
    await expect(assignLead(manager, { lead_id: outsideToo.id, admin_id: rep.id })).resolves.toMatchObject({
      assigned_admin_id: rep.id,
    });
    // The rule also sits under the bare check, for any other claim path.
    await expect(
      inTx((tx) => assertClaimAllowed(tx, rep, { id: 0, states: ["ME"], status: "pending" })),
    ).rejects.toMatchObject({ status: 403 });

    await setTerritorySettings(manager, { territoryMode: "open" });
    const later = await makeLead({ states: ["ME"] });
    await expect(claimLead(rep, { lead_id: later.id })).resolves.toMatchObject({ assigned_admin_id: rep.id });
  });

  it("lets an in-territory rep win when out-of-territory reps claim at the same moment", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const insiders = await Promise.all(Array.from({ length: 5 }, () => makeUser().then((u) => u.actor)));
    const outsiders = await Promise.all(Array.from({ length: 5 }, () => makeUser().then((u) => u.actor)));
    await makeTerritory(
      ["RI"],
      insiders.map((r) => r.id),
    );
    const lead = await makeLead({ states: ["RI", "CT"] });
    await setTerritorySettings(manager, { territoryMode: "strict" });
    try {
      const results = await Promise.allSettled(
        [...outsiders, ...insiders].map((r) => claimLead(r, { lead_id: lead.id })),
      );
      const status = (r: PromiseSettledResult<unknown>) =>
        r.status === "fulfilled" ? 200 : (r.reason as { status: number }).status;
      // An outsider is refused by the territory rule, or finds the lead already taken: never wins.
      expect(results.slice(0, 5).every((r) => [403, 409].includes(status(r)))).toBe(true);
      expect(results.slice(5).map(status).sort()).toEqual([200, 409, 409, 409, 409]);
      const row = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
      expect(insiders.map((r) => r.id)).toContain(row.assignedAdminId);
      expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "claimed" } })).toBe(1);
    } finally {
      await setTerritorySettings(manager, { territoryMode: "open" });
    }
  });

  it("is the manager's setting alone, validated", async () => {
    const { actor: rep } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    await expect(setTerritorySettings(rep, { territoryMode: "strict" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(setTerritorySettings(manager, { territoryMode: "closed" as never })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "territoryMode" })],
    });
    await expect(setTerritorySettings(manager, { autoAssignCap: 0 })).rejects.toMatchObject({ status: 400 });
    expect(await db.setting.count({ where: { key: "territory_mode", value: { equals: "closed" } } })).toBe(0);
  });

  it("lets the manager move the company time zone, which the call list and analytics then count in", async () => {
    const { actor: rep } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const before = await getCompanyTimeZone();
    await expect(setTerritorySettings(rep, { timeZone: "America/Denver" })).rejects.toMatchObject({ status: 404 });
    await expect(setTerritorySettings(manager, { timeZone: "Mars/Olympus" })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "timeZone", message: "Unknown time zone" })],
    });
    expect(await getCompanyTimeZone()).toBe(before);
    try {
      await expect(setTerritorySettings(manager, { timeZone: "America/Denver" })).resolves.toMatchObject({ timeZone: "America/Denver" });
      expect((await getCompanySettings()).timeZone).toBe("America/Denver");
      expect(await getCompanyTimeZone()).toBe("America/Denver");
      // PostgreSQL reads the same zone (the SQL fragments convert with it).
      const [{ zone }] = await db.$queryRaw<{ zone: string }[]>`SELECT ${TIME_ZONE_SQL} AS zone`;
      expect(zone).toBe("America/Denver");
    } finally {
      await setTerritorySettings(manager, { timeZone: before });
    }
  });
});

describe("auto-assignment", () => {
  async function newLead(states: string[]) {
    const company = await makeCompany();
    return inTx(async (tx) => {
      const lead = await tx.salesLead.create({
        data: { companyId: company.id, leadSource: "load_plan", states },
      });
      return { lead, assigned: await autoAssignLead(tx, lead.id) };
    });
  }
  const openCount = (userId: number) =>
    db.salesLead.count({ where: { assignedAdminId: userId, status: { in: ["assigned", "in_progress"] } } });

  afterEach(async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    await setTerritorySettings(manager, { autoAssignEnabled: false, autoAssignCap: 50 });
    await db.territory.deleteMany({});
  });

  it("is off by default: new leads stay in the pool", async () => {
    const { actor: rep } = await makeUser();
    await makeTerritory(["HI"], [rep.id]);
    const { lead, assigned } = await newLead(["HI"]);
    expect(assigned).toBeNull();
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({
      status: "pending",
      assignedAdminId: null,
    });
  });

  it("spreads 100 simultaneous new leads evenly over the territory's active reps (34/33/33)", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const reps = [(await makeUser()).actor, (await makeUser()).actor, (await makeUser()).actor];
    const { actor: inactive } = await makeUser({ active: false });
    const { actor: elsewhere } = await makeUser();
    await makeTerritory(["HI"], [...reps.map((r) => r.id), inactive.id]);
    await makeTerritory(["AK"], [elsewhere.id]);
    await setTerritorySettings(manager, { autoAssignEnabled: true, autoAssignCap: 1000 });

    // Ten at a time on a ten-connection pool: real concurrency, serialised only by the advisory lock.
    const results: Awaited<ReturnType<typeof newLead>>[] = [];
    for (let batch = 0; batch < 10; batch++)
      results.push(...(await Promise.all(Array.from({ length: 10 }, () => newLead(["HI", "CA"])))));

    const counts = reps.map((r) => results.filter((x) => x.assigned?.userId === r.id).length);
    expect(counts.sort((a, b) => b - a)).toEqual([34, 33, 33]);
    expect(results.filter((x) => x.assigned === null)).toHaveLength(0);
    expect(await openCount(inactive.id)).toBe(0);
    expect(await openCount(elsewhere.id)).toBe(0);
    const events = await db.leadEvent.findMany({
      where: { leadId: { in: results.map((x) => x.lead.id) }, type: "assigned" },
    });
    expect(events).toHaveLength(100);
    expect(
      events.every((e) => (e.data as { auto?: boolean }).auto === true && e.toStatus === "assigned"),
    ).toBe(true);
  });

  it("skips reps at the open-lead cap and leaves the lead in the pool when everyone is full", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const [full, one, none] = [(await makeUser()).actor, (await makeUser()).actor, (await makeUser()).actor];
    await makeTerritory(["HI"], [full.id, one.id, none.id]);
    await makeLead({ status: "assigned", assignedAdminId: full.id, states: ["TX"] });
    await makeLead({ status: "in_progress", assignedAdminId: full.id, states: ["TX"] });
    await makeLead({ status: "converted", assignedAdminId: one.id, states: ["TX"] }); // closed: not counted
    await makeLead({ status: "assigned", assignedAdminId: one.id, states: ["TX"] });
    await setTerritorySettings(manager, { autoAssignEnabled: true, autoAssignCap: 2 });

    const picks = [];
    for (let i = 0; i < 5; i++) picks.push((await newLead(["HI"])).assigned?.userId ?? null);
    expect(picks.filter((p) => p === full.id)).toHaveLength(0);
    expect(picks.filter((p) => p === one.id)).toHaveLength(1);
    expect(picks.filter((p) => p === none.id)).toHaveLength(2);
    expect(picks.filter((p) => p === null)).toHaveLength(2);
    expect([await openCount(full.id), await openCount(one.id), await openCount(none.id)]).toEqual([2, 2, 2]);
  });

  it("leaves a lead outside every territory in the pool", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    await makeTerritory(["HI"], [rep.id]);
    await setTerritorySettings(manager, { autoAssignEnabled: true });
    expect((await newLead(["DC"])).assigned).toBeNull();
  });

  it("assigns leads born by ingestion (createSalesLead), once, and leaves joined events alone", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    await makeTerritory(["KS"], [rep.id]); // the load plan's route is TX → OK via KS
    const company = companyFor();
    const off = await createSalesLead({
      company: companyFor(),
      source: "load_plan",
      leadData: EVENT_DATA.load_plan as never,
    });
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: off.leadId } })).toMatchObject({
      status: "pending",
    });

    await setTerritorySettings(manager, { autoAssignEnabled: true });
    const first = await createSalesLead({
      company,
      source: "load_plan",
      leadData: EVENT_DATA.load_plan as never,
    });
    expect(first).toMatchObject({ consolidated: false, status: "pending" }); // the answer at ingestion
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: first.leadId } })).toMatchObject({
      status: "assigned",
      assignedAdminId: rep.id,
    });
    const joined = await createSalesLead({ company, source: "quote", leadData: EVENT_DATA.quote as never });
    expect(joined).toMatchObject({ leadId: first.leadId, consolidated: true });
    const events = await db.leadEvent.findMany({ where: { leadId: first.leadId, type: "assigned" } });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ auto: true, to: rep.id });
  });
});
