import { db } from "@/lib/db";
import { getCompany } from "@/lib/companies/get-company";
import { upsertContact } from "@/lib/companies/upsert-contact";
import { createManualLead } from "@/lib/leads/create-manual-lead";
import { makeCompany, makeLead, makeUser } from "../fixtures/factories";
import { eventsOf } from "../fixtures/lead-state";

describe("contacts", () => {
  it("adds and edits a contact; one from another company is a 404", async () => {
    const { actor } = await makeUser();
    const company = await makeCompany();
    const other = await makeCompany();
    const added = await upsertContact(actor, {
      company_id: company.id,
      name: "Carlos Reed",
      title: "Owner",
      phone: "+1 (512) 555-0199",
      email: "Carlos@Reed.example",
    });
    expect(added).toMatchObject({ companyId: company.id, name: "Carlos Reed", email: "carlos@reed.example" });
    const edited = await upsertContact(actor, {
      company_id: company.id,
      contact_id: added.id,
      name: "Carlos Reed Jr.",
      title: "",
      phone: "",
      email: "",
    });
    expect(edited).toMatchObject({
      id: added.id,
      name: "Carlos Reed Jr.",
      title: null,
      phone: null,
      email: null,
    });
    await expect(
      upsertContact(actor, { company_id: other.id, contact_id: added.id, name: "Hijack" }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(upsertContact(actor, { company_id: 2_000_000_040, name: "Nobody" })).rejects.toMatchObject({
      status: 404,
    });
    expect((await db.contact.findUniqueOrThrow({ where: { id: added.id } })).name).toBe("Carlos Reed Jr.");
  });

  it.each([
    ["name", { name: "" }],
    ["email", { name: "A", email: "not-an-email" }],
    ["phone", { name: "A", phone: "call me" }],
  ])("answers 400 naming %s and writes nothing", async (path, body) => {
    const { actor } = await makeUser();
    const company = await makeCompany();
    await expect(upsertContact(actor, { company_id: company.id, ...body })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path })],
    });
    expect(await db.contact.count({ where: { companyId: company.id } })).toBe(0);
  });
});

describe("createManualLead", () => {
  it("creates a manual lead with a route, assigned to its author when asked", async () => {
    const { actor } = await makeUser();
    const company = await makeCompany({ state: "KS" });
    const lead = await createManualLead(actor, {
      company_id: company.id,
      description: "Called about a combine move",
      estimated_value: "1,800",
      origin_city: "Wichita",
      origin_state: "ks",
      destination_city: "Omaha",
      destination_state: "NE",
      miles: "300",
      assign_to_me: "on",
    });
    expect(lead).toMatchObject({
      lead_source: "manual",
      status: "assigned",
      assigned_admin_id: actor.id,
      estimated_value: 1800,
      states: ["KS", "NE"],
    });
    const row = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row.leadData).toEqual({
      note: "Called about a combine move",
      route: {
        origin: { city: "Wichita", state: "KS" },
        destination: { city: "Omaha", state: "NE" },
        states: ["KS", "NE"],
        miles: 300,
      },
    });
    expect((await eventsOf(lead.id)).map((e) => e.type)).toEqual(["created", "claimed"]);
    const pending = await createManualLead(actor, { company_id: company.id, description: "Walk-in" });
    expect(pending).toMatchObject({
      status: "pending",
      assigned_admin_id: null,
      estimated_value: 0,
      states: ["KS"],
    });
  });

  it("refuses a missing description (400) and an unknown company (404), writing nothing", async () => {
    const { actor } = await makeUser();
    const company = await makeCompany();
    await expect(createManualLead(actor, { company_id: company.id, description: " " })).rejects.toMatchObject(
      { status: 400, issues: [expect.objectContaining({ path: "description" })] },
    );
    await expect(
      createManualLead(actor, { company_id: company.id, description: "x", origin_state: "XX" }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: "origin_state" })] });
    await expect(
      createManualLead(actor, { company_id: 2_000_000_041, description: "x" }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await db.salesLead.count({ where: { companyId: company.id } })).toBe(0);
  });
});

describe("getCompany", () => {
  it("returns the company with its contacts and all its leads", async () => {
    const { actor } = await makeUser();
    const company = await makeCompany();
    const a = await makeLead({ companyId: company.id });
    const b = await makeLead({ companyId: company.id, status: "assigned", assignedAdminId: actor.id });
    const c = await getCompany(actor, { company_id: company.id });
    expect(c.leads.map((l) => l.id).sort()).toEqual([a.id, b.id].sort());
    expect(c.leads.find((l) => l.id === b.id)?.assigneeName).toBe(actor.name);
    expect(c.may).toEqual({ edit: true, createLead: true, merge: false });
    await expect(getCompany(actor, { company_id: 2_000_000_042 })).rejects.toMatchObject({ status: 404 });
  });
});
