import { db } from "@/lib/db";
import { addTerritoryMember } from "@/lib/territories/add-territory-member";
import { createTerritory } from "@/lib/territories/create-territory";
import { deleteTerritory } from "@/lib/territories/delete-territory";
import { getStateCoverage } from "@/lib/territories/get-state-coverage";
import { listTerritories } from "@/lib/territories/list-territories";
import { removeTerritoryMember } from "@/lib/territories/remove-territory-member";
import { renameTerritory } from "@/lib/territories/rename-territory";
import { setTerritoryStates } from "@/lib/territories/set-territory-states";
import { getLeadPool } from "@/lib/calls/get-lead-pool";
import { makeLead, makeUser, uid } from "../fixtures/factories";
import { makeTerritory } from "../fixtures/calls";

describe("managing territories", () => {
  it("lets the manager create, rename, set states, add and remove reps", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const name = `Plains ${uid()}`;
    const t = await createTerritory(manager, { name, states: "ks, ne" });
    expect(t.states).toEqual(["KS", "NE"]);
    await renameTerritory(manager, { territoryId: t.id, name: `${name} North` });
    await setTerritoryStates(manager, { territoryId: t.id, states: ["ND", "SD", "NE", "nd"] });
    await addTerritoryMember(manager, { territoryId: t.id, userId: rep.id });
    await addTerritoryMember(manager, { territoryId: t.id, userId: rep.id }); // idempotent
    let row = (await listTerritories(manager)).find((x) => x.id === t.id);
    expect(row).toMatchObject({
      name: `${name} North`,
      states: ["ND", "NE", "SD"],
      members: [{ id: rep.id, active: true }],
    });
    await removeTerritoryMember(manager, { territoryId: t.id, userId: rep.id });
    row = (await listTerritories(manager)).find((x) => x.id === t.id);
    expect(row?.members).toEqual([]);
    await deleteTerritory(manager, { territoryId: t.id });
    expect(await db.territory.count({ where: { id: t.id } })).toBe(0);
  });

  it("refuses reps (404), bad states and names (400), duplicates (409), non-reps as members", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const { actor: gone } = await makeUser({ active: false });
    const t = await createTerritory(manager, { name: `T ${uid()}`, states: ["CO"] });
    await expect(createTerritory(rep, { name: `R ${uid()}`, states: ["CO"] })).rejects.toMatchObject({
      status: 404,
    });
    await expect(setTerritoryStates(rep, { territoryId: t.id, states: ["CO"] })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      setTerritoryStates(manager, { territoryId: t.id, states: ["CO", "XX"] }),
    ).rejects.toMatchObject({
      status: 400,
      issues: [{ path: "states", message: "Not US state codes: XX" }],
    });
    await expect(createTerritory(manager, { name: " ", states: [] })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "name" })],
    });
    await expect(createTerritory(manager, { name: t.name, states: [] })).rejects.toMatchObject({
      status: 409,
    });
    await expect(renameTerritory(manager, { territoryId: 999_999_999, name: "Nope" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      addTerritoryMember(manager, { territoryId: t.id, userId: manager.id }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(addTerritoryMember(manager, { territoryId: t.id, userId: gone.id })).rejects.toMatchObject({
      status: 400,
    });
    expect(await db.territory.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ states: ["CO"] });
  });

  it("shows a rep only their own territories", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const mine = await makeTerritory(["ID"], [rep.id]);
    const notMine = await makeTerritory(["ID"]);
    expect((await listTerritories(rep)).map((t) => t.id)).toEqual([mine.id]);
    const all = (await listTerritories(manager)).map((t) => t.id);
    expect(all).toEqual(expect.arrayContaining([mine.id, notMine.id]));
  });
});

describe("territory matching", () => {
  it("matches a lead by any state on its route, and puts my territory's leads first in the pool", async () => {
    const { actor: rep } = await makeUser();
    await makeTerritory(["ND"], [rep.id]);
    const crossing = await makeLead({ states: ["MN", "ND", "MT"] });
    const destination = await makeLead({ states: ["SD", "ND"] });
    const outside = await makeLead({ states: ["SD"] });
    const claimed = await makeLead({ states: ["ND"], status: "assigned", assignedAdminId: rep.id });

    const mine = await getLeadPool(rep, { scope: "mine", limit: 200 });
    expect(mine.myStates).toEqual(["ND"]);
    const byId = new Map(mine.rows.map((r) => [r.id, r]));
    expect(byId.get(crossing.id)?.matchedStates).toEqual(["ND"]);
    expect(byId.get(destination.id)?.matchedStates).toEqual(["ND"]);
    expect(byId.has(outside.id)).toBe(false);
    expect(byId.has(claimed.id)).toBe(false);
    expect(mine.rows.every((r) => r.matchedStates.length > 0 && r.claimable)).toBe(true);

    const all = await getLeadPool(rep, { limit: 200 });
    const first = all.rows.findIndex((r) => r.matchedStates.length === 0);
    expect(all.rows.slice(0, first).map((r) => r.id)).toEqual(
      expect.arrayContaining([crossing.id, destination.id]),
    );
    expect(all.rows.slice(first).every((r) => r.matchedStates.length === 0)).toBe(true);
    expect(all.inTerritory).toEqual(mine.total);
    const sd = await getLeadPool(rep, { state: "sd", limit: 200 });
    expect(sd.rows.find((r) => r.id === outside.id)?.matchedStates).toEqual([]);
    await expect(getLeadPool(rep, { state: "ZZ" })).rejects.toMatchObject({ status: 400 });
  });
});

describe("state coverage", () => {
  it("counts leads, unassigned, worked in 7 days, converted and revenue per state in one query", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser({ name: "Dee Coverage" });
    const { actor: outsider } = await makeUser();
    await makeTerritory(["DC"], [rep.id]);
    await makeLead({ states: ["DC"] });
    await makeLead({
      states: ["DC", "MD"],
      status: "in_progress",
      assignedAdminId: rep.id,
      lastContactAt: new Date(Date.now() - 2 * 86_400_000),
    });
    await makeLead({
      states: ["DC"],
      status: "assigned",
      assignedAdminId: rep.id,
      lastContactAt: new Date(Date.now() - 9 * 86_400_000),
    });
    const won = await makeLead({ states: ["VA", "DC"], status: "converted", assignedAdminId: rep.id });
    await db.salesConversion.create({
      data: { leadId: won.id, conversionValue: "1234.50", conversionType: "manual_mark", adminId: rep.id },
    });

    const dc = (await getStateCoverage(manager)).find((s) => s.state === "DC");
    expect(dc).toMatchObject({
      leads: 4,
      unassigned: 1,
      openLeads: 3,
      workedPct: 33.3,
      converted: 1,
      revenue: 1234.5,
    });
    expect(dc?.reps).toContain("Dee Coverage");

    const repView = await getStateCoverage(rep);
    expect(repView.find((s) => s.state === "DC")).toEqual(dc);
    // A rep of another territory sees DC as covered, and by whom (it used to read "No rep").
    const outsiderDc = (await getStateCoverage(outsider)).find((s) => s.state === "DC");
    expect(outsiderDc?.reps).toContain("Dee Coverage");
    expect(outsiderDc?.territories.length).toBeGreaterThan(0);
  });
});
