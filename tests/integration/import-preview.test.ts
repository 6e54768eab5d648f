// The import's domain core on a real PostgreSQL: whole export files read, mapped, cleaned and
// classified against existing companies by the webhook's identity rules; and the refusals.
// Its own database: the fixtures' USDOT numbers and emails must not meet other files' companies.
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { previewImport } from "@/lib/import/preview-import";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-limits";
import { makeUser, uid } from "../fixtures/factories";
import { runInOwnDatabase } from "../fixtures/own-database";
import { companyFor, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";

runInOwnDatabase("pilot_crm_test_import");
const SECRET = newSecret();
process.env.LEAD_WEBHOOK_SECRET = SECRET;

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures/import", name));
const manager = async () => (await makeUser({ role: "super_admin" })).actor;
const whole = { rows: null };

describe("import preview of real exports", () => {
  it("maps and cleans a HubSpot company export", async () => {
    const p = await previewImport(await manager(), fixture("hubspot-companies.csv"), whole);
    expect(p.counts).toEqual({ rows: 6, create: 6, update: 0, skip: 0, possible_duplicate: 0, fail: 0 });
    expect(p.columns.filter((c) => c.field === null).map((c) => c.header)).toEqual(["Record ID", "Annual Revenue"]);
    expect(p.rows[0]).toMatchObject({
      row: 2,
      action: "create",
      data: {
        company_name: "Lone Star Heavy Haul", owner_email: "alex@pilot-crm.test", created_date: "2024-03-05", phone: "+15125550100",
        email: "ops@lonestarhaul.example", city: "Austin", state: "TX", lead_status: "pending", usdot: "1234567", mc_number: "MC-998877",
        notes: "Oversize specialists, TX and OK",
      },
    });
    expect(p.rows.map((r) => [r.data.company_name, r.data.lead_status, r.data.mc_number])).toEqual([
      ["Lone Star Heavy Haul", "pending", "MC-998877"],
      ["Prairie Wind Transport", "in_progress", "MC-456789"],
      ["Big Sky Rigging, LLC", "in_progress", "MC-112233"],
      ["Gulf Coast Pilots", "lost", null],
      ["Desert Route Escorts", "converted", "MC-445566"],
      ["Great Lakes Oversize", "pending", null],
    ]);
    expect(p.rows[2].data.notes).toBe("Cranes\nand rigging");
    expect(p.rows[4].data.state).toBe("AZ");
  });

  it("maps a Pipedrive organization export with people, full state names and a BOM", async () => {
    const p = await previewImport(await manager(), fixture("pipedrive-organizations.csv"), whole);
    expect(p.counts).toMatchObject({ rows: 4, create: 4, fail: 0 });
    expect(p.rows.map((r) => [r.data.company_name, r.data.state, r.data.contact_name, r.data.email, r.data.phone])).toEqual([
      ["Rocky Mountain Pilot Cars", "CO", "Dana Whitfield", "dana@rockypilot.example", "+13035550111"],
      ["Carolina Wide Loads", "NC", "Marcus Bell", "marcus@carolinawide.example", "+17045550122"],
      ["Bayou Escort Service", "LA", "Renee Thibodeaux", "renee@bayouescort.example", "+12255550133"],
      ["Keystone Heavy Transport", "PA", "Tom Novak", "tom@keystoneheavy.example", "+17175550144"],
    ]);
    expect(p.rows[0].data.created_date).toBe("2024-02-01");
  });

  it("reads a ;-separated file with a BOM, CRLF and decimal commas", async () => {
    const p = await previewImport(await manager(), fixture("semicolon-bom-crlf.csv"), whole);
    expect(p).toMatchObject({ delimiter: ";", encoding: "utf-8" });
    expect(p.counts).toMatchObject({ rows: 3, create: 3, fail: 0 });
    expect(p.rows.map((r) => [r.data.company_name, r.data.estimated_value, r.data.state])).toEqual([
      ["Nordic Haulage US", "1250.50", "WA"],
      ["Alpine Lift; Inc", "980.00", "UT"],
      ["Iberia Oversize", "2000.00", "FL"],
    ]);
    expect(p.rows[1].data.notes).toBe("Line one\r\nline two");
  });

  it("reads a Windows-1252 file as such", async () => {
    const p = await previewImport(await manager(), fixture("windows-1252.csv"), whole);
    expect(p).toMatchObject({ delimiter: "\t", encoding: "windows-1252" });
    expect(p.rows.map((r) => [r.data.company_name, r.data.contact_name, r.action])).toEqual([
      ["Café Pilot Cars", "José Peña", "create"],
      ["O’Brien Escorts", "Seán O’Brien", "create"],
    ]);
  });

  it("rejects exactly the 5 malformed rows of 12, each with its row, column and reason", async () => {
    const p = await previewImport(await manager(), fixture("malformed-rows.csv"), whole);
    expect(p.counts).toEqual({ rows: 12, create: 7, update: 0, skip: 0, possible_duplicate: 0, fail: 5 });
    const failed = p.rows.filter((r) => r.action === "fail");
    expect(failed.map((r) => r.row)).toEqual([4, 6, 8, 10, 12]);
    expect(failed.slice(0, 4).map((r) => r.problems.map((x) => [x.column, x.value, x.reason]))).toEqual([
      [["Email", "not-an-email", "Not an email address"]],
      [["USDOT", "12AB45", "A USDOT number is 1 to 8 digits"]],
      [["State", "Narnia", "Not a US state"]],
      [["Created", "sometime soon", "Not a date"]],
    ]);
    expect(failed[4].problems.map((x) => x.column)).toContain("column 8");
    expect(p.rows.find((r) => r.row === 7)?.data.notes).toBe("Has, commas\nand a newline");
  });

  it("reads only the first rows when asked", async () => {
    const p = await previewImport(await manager(), fixture("malformed-rows.csv"), { rows: 3 });
    expect(p.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(p.counts).toMatchObject({ rows: 3, create: 2, fail: 1 });
  });

  it("shows a column of garbage dates at a glance", async () => {
    const csv = ["Company,Created", ...Array.from({ length: 8 }, (_, i) => `Garbage ${i},${i % 4 === 0 ? "2024-01-02" : "n/a " + i}`)].join("\n");
    const p = await previewImport(await manager(), Buffer.from(csv), whole);
    expect(p.columnProblems).toEqual([{ column: "Created", rows: 6 }]);
    expect(p.rows[1].problems).toEqual([{ row: 3, column: "Created", field: "created_date", value: "n/a 1", reason: "Not a date" }]);
  });
});

describe("import dedupe against existing companies", () => {
  it("classifies rows by the webhook's identity rules; name and state only suggest", async () => {
    const u = uid();
    const company = (data: { externalId?: string; name: string; email?: string; usdot?: string; state?: string; phone?: string; city?: string }) =>
      db.company.create({ data: { ...data, emailNorm: data.email?.toLowerCase() ?? null } });
    const alpha = await company({ externalId: `ext_a_${u}`, name: `Alpha ${u}`, email: `alpha_${u}@x.example`, usdot: "71000001", state: "TX", phone: "+1 512 555 0100", city: "Austin" });
    const bravo = await company({ externalId: `ext_b_${u}`, name: `Bravo ${u}`, usdot: "71000002", state: "OK" });
    const charlie = await company({ name: `Charlie ${u}`, email: `charlie_${u}@x.example`, state: "KS" });
    const delta = await company({ name: `Delta ${u}`, state: "TX" });
    const echo = await company({ name: `Echo ${u}`, usdot: "71000005", state: "NM" });

    const csv = [
      "External id,Company,Email,Phone,USDOT,City,State,Contact Name",
      `ext_a_${u},Alpha ${u},,(512) 555-0100,,Austin,Texas,`, // 2: its own company, nothing new → skip
      `,Bravo ${u},,,71000002,Dallas,OK,`, // 3: USDOT → Bravo, new city → update
      `,Charlie ${u},CHARLIE_${u}@X.example,(785) 555-0100,,,KS,`, // 4: email (any case) → Charlie, new phone → update
      `,delta ${u},,,,,TX,`, // 5: no identity, same name (any case) and state → possible duplicate
      `,Delta ${u},,,,,OK,`, // 6: same name, other state → create
      `ext_new_${u},Bravo Two ${u},,,71000002,,OK,`, // 7: USDOT of a company claimed by another external id → create
      `ext_a_${u},Alpha ${u},,,71000005,,TX,`, // 8: external id wins over Echo's USDOT → Alpha, whose USDOT it changes → update
      `ext_a_${u},Alpha ${u},,,,,,Dana Whitfield`, // 9: a contact Alpha lacks → update
      `,Echo ${u},,,71000005,,NM,`, // 10: USDOT → Echo, nothing new → skip
    ].join("\n");
    const before = await db.company.count();
    const p = await previewImport(await manager(), Buffer.from(csv), whole);
    expect(p.rows.map((r) => [r.row, r.action, r.companyId, r.rule])).toEqual([
      [2, "skip", alpha.id, "external_id"],
      [3, "update", bravo.id, "usdot"],
      [4, "update", charlie.id, "email"],
      [5, "possible_duplicate", delta.id, "name_state"],
      [6, "create", null, null],
      [7, "create", null, null],
      [8, "update", alpha.id, "external_id"],
      [9, "update", alpha.id, "external_id"],
      [10, "skip", echo.id, "usdot"],
    ]);
    expect(p.rules).toEqual({ external_id: 3, usdot: 2, mc: 0, email: 1, name_state: 1, phone: 0 });
    expect(await db.company.count()).toBe(before); // a preview writes nothing
  });

  it("takes a name with LIKE wildcards literally", async () => {
    const u = uid();
    await db.company.create({ data: { name: `Percent_${u} 100%`, state: "TX" } });
    const p = await previewImport(await manager(), Buffer.from(`Company,State\nPercentX${u} 1000,TX\nPercent_${u} 100%,TX\n`), whole);
    expect(p.rows.map((r) => r.action)).toEqual(["create", "possible_duplicate"]);
  });
});

describe("import and webhook share one set of identity rules", () => {
  it("finds the company a webhook made by the keys the webhook matches on, and only by them", async () => {
    const { POST } = await import("@/app/api/webhooks/leads/route");
    const company = companyFor();
    const res = await POST(signedRequest(leadEvent("quote", { company }), { secret: SECRET }).request);
    expect(res.status).toBe(202);
    const made = await db.company.findUniqueOrThrow({ where: { externalId: company.external_id } });
    const csv = [
      "Company,USDOT,Email,External id,Phone,City,State",
      `${company.name},${company.usdot},,,(512) 555-0100,Austin,TX`, // USDOT alone, nothing new → skip
      `${company.name},,${company.email.toUpperCase()},,,Dallas,TX`, // email in another case, new city → update
      `Other ${company.name},${company.usdot},,other_${company.external_id},,,`, // claimed under another external id → create
    ].join("\n");
    const p = await previewImport(await manager(), Buffer.from(csv), whole);
    expect(p.rows.map((r) => [r.action, r.companyId])).toEqual([
      ["skip", made.id],
      ["update", made.id],
      ["create", null],
    ]);
  });
});

describe("import refusals", () => {
  it.each([
    ["not a CSV", Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000\u0000\u0000!\u0000", "latin1"), 400, /not a CSV file/],
    ["an empty file", Buffer.alloc(0), 400, /empty/],
    ["no header", Buffer.from("Acme,ops@acme.example,TX\nBeta,ops@beta.example,OK\n"), 400, /no header/],
    ["duplicate headers", Buffer.from("Company,Phone,phone\nAcme,1,2\n"), 400, /Column names repeat/],
    ["only a header", Buffer.from("Company,Email\n"), 400, /no rows/],
    ["no known column", Buffer.from("Colour,Size\nred,10\n"), 400, /None of the columns \(Colour, Size\)/],
    ["no company column", Buffer.from("Email,Phone\na@b.co,512-555-0100\n"), 400, /company name/],
    ["an unclosed quote", Buffer.from('Company,Notes\nAcme,"open\nBeta,x\n'), 400, /not a well-formed CSV/],
    ["a file over the limit", Buffer.alloc(MAX_IMPORT_BYTES + 1, "a"), 413, /larger than 50 MB/],
  ])("refuses %s with a clear message and writes nothing", async (_what, file, status, message) => {
    const actor = await manager();
    const before = await db.company.count();
    await expect(previewImport(actor, file, whole)).rejects.toMatchObject({ status, message: expect.stringMatching(message) });
    expect(await db.company.count()).toBe(before);
  });

  it("refuses a mapping that fills a field twice or does not fit the file", async () => {
    const actor = await manager();
    const file = Buffer.from("Company,Email,Other\nAcme,a@b.co,x\n");
    await expect(previewImport(actor, file, { mapping: ["company_name", "email", "email"] })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/mapped to email/) });
    await expect(previewImport(actor, file, { mapping: ["company_name"] })).rejects.toMatchObject({ status: 400 });
    const p = await previewImport(actor, file, { mapping: ["company_name", null, "notes"] });
    expect(p.rows[0].data).toMatchObject({ company_name: "Acme", email: null, notes: "x" });
  });

  it("is the manager's: a rep gets 404", async () => {
    const { actor } = await makeUser();
    await expect(previewImport(actor, fixture("hubspot-companies.csv"))).rejects.toMatchObject({ status: 404 });
  });
});
