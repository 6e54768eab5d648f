// The manager's decision per identity rule (issue 17): one export (tests/fixtures/import/
// identity-rules.csv) whose rows meet the companies we have by external id, USDOT, MC number,
// email, name + state and phone, previewed (how many rows each rule found) and then imported by
// the import-run job's handler with a different decision for each rule: every row gets the
// decision of the rule that found its company, and the counts are exact.
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { createImportRun } from "@/lib/import/create-import-run";
import { previewImportRun } from "@/lib/import/preview-import-run";
import { runImport } from "@/lib/import/run-import";
import { startImportRun } from "@/lib/import/start-import-run";
import { storedImportDecisions, type TImportDecisions } from "@/lib/import/import-decisions";
import { setJobSender } from "@/lib/jobs/job-boss";
import { makeUser } from "../fixtures/factories";
import { dropJobSchema, testJobSchema } from "../fixtures/jobs";
import { runInOwnDatabase } from "../fixtures/own-database";

// A database of its own: the fixture's identifiers are fixed, and so are the counts.
runInOwnDatabase("pilot_crm_test_import_rules");
const schema = testJobSchema();
const savedSchema = process.env.JOB_SCHEMA;
beforeAll(() => {
  process.env.JOB_SCHEMA = schema;
});
afterAll(async () => {
  // startImportRun queued the job through a sender-only boss; nothing runs it but this file.
  await setJobSender(null);
  if (savedSchema === undefined) delete process.env.JOB_SCHEMA;
  else process.env.JOB_SCHEMA = savedSchema;
  await dropJobSchema(schema);
});

const csv = fs.readFileSync(path.join(__dirname, "../fixtures/import/identity-rules.csv"));

/** The companies we already have, each one the fixture's rows can find by one rule. */
async function existingCompanies() {
  const made = (data: Parameters<typeof db.company.create>[0]["data"]) =>
    db.company.create({ data: { ...data, emailNorm: data.email?.toLowerCase() ?? null, phoneNorm: data.phone ?? null } });
  return {
    amarillo: await made({ externalId: "HS-1001", name: "Amarillo Heavy Haul", state: "TX" }),
    brazos: await made({ name: "Brazos Carriers", usdot: "3100001", city: "Waco", state: "TX" }),
    cimarron: await made({ name: "Cimarron Transport", mcNumber: "MC-510001", city: "Tulsa", state: "OK" }),
    delta: await made({ name: "Delta Lines", email: "dispatch@delta-lines.example", city: "Dallas", state: "TX" }),
    eagle: await made({ name: "Eagle Pass Hauling", state: "TX" }),
    frontier: await made({ name: "Frontier Freight", phone: "+14055550142", state: "OK" }),
  };
}

const city = async (id: number) => (await db.company.findUniqueOrThrow({ where: { id } })).city;

describe("the manager decides per identity rule", () => {
  it("previews how many rows each rule found, then applies each rule's own decision with exact counts", async () => {
    const { actor } = await makeUser({ role: "super_admin" });
    const c = await existingCompanies();
    const run = await createImportRun(actor, { name: "identity-rules.csv", content: csv });
    const mapping = run.columns.map((col) => col.field);
    expect(mapping).toEqual(["external_id", "company_name", "email", "phone", "usdot", "mc_number", "city", "state"]);

    const preview = await previewImportRun(actor, { runId: run.id, mapping });
    expect(preview.rows.map((r) => [r.row, r.action, r.rule, r.companyId])).toEqual([
      [2, "update", "external_id", c.amarillo.id],
      // The external id outranks Brazos's USDOT on the same row.
      [3, "update", "external_id", c.amarillo.id],
      [4, "update", "usdot", c.brazos.id],
      [5, "update", "mc", c.cimarron.id],
      [6, "update", "email", c.delta.id],
      [7, "possible_duplicate", "name_state", c.eagle.id],
      [8, "possible_duplicate", "phone", c.frontier.id],
      // Same name and state and the same phone: the name + state suggestion decides.
      [9, "possible_duplicate", "name_state", c.frontier.id],
      [10, "create", null, null],
      // The preview reads rows against the companies as they are: row 10 is not written yet.
      [11, "create", null, null],
      [12, "fail", null, null],
      [13, "create", null, null],
    ]);
    expect(preview.rules).toEqual({ external_id: 2, usdot: 1, mc: 1, email: 1, name_state: 2, phone: 1 });
    expect(preview.counts).toMatchObject({ rows: 12, create: 3, update: 5, skip: 0, possible_duplicate: 3, fail: 1 });

    // A different decision for each rule; none of them is every rule's default.
    const decisions: TImportDecisions = { external_id: "skip", usdot: "fill_empty", mc: "skip", email: "overwrite", name_state: "fill_empty", phone: "skip" };
    await startImportRun(actor, { runId: run.id, kind: "companies", mapping, decisions });
    expect(await runImport({ runId: run.id })).toEqual({ status: "finished" });

    // Created: Gulf Coast (row 10) and Iron Horse (13). Updated: Brazos by USDOT (4), Delta by
    // email (6), Eagle Pass (7) and Frontier (9) by name + state. Skipped: Amarillo by external id
    // (2, 3), Cimarron by MC (5), Frontier by phone (8), and row 11 — in the batch's second round
    // it meets row 10's new company by phone, whose decision is skip. Failed: row 12's email.
    expect(await db.importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "finished",
      rowsDone: 12,
      created: 2,
      updated: 4,
      skipped: 5,
      failed: 1,
    });
    // external_id → skip: Amarillo keeps no city and no USDOT.
    expect(await db.company.findUniqueOrThrow({ where: { id: c.amarillo.id } })).toMatchObject({ city: null, usdot: null, name: "Amarillo Heavy Haul" });
    // usdot → fill_empty: the email it lacked, its own city kept.
    expect(await db.company.findUniqueOrThrow({ where: { id: c.brazos.id } })).toMatchObject({ city: "Waco", email: "ops@brazos.example" });
    // mc → skip; email → overwrite.
    expect(await city(c.cimarron.id)).toBe("Tulsa");
    expect(await city(c.delta.id)).toBe("Fort Worth");
    // name_state → fill_empty, for both rows it found (row 9 also shares Frontier's phone).
    expect(await city(c.eagle.id)).toBe("Eagle Pass");
    expect(await city(c.frontier.id)).toBe("Woodward");
    // phone → skip: no second Frontier, one Gulf Coast.
    expect(await db.company.count({ where: { name: { startsWith: "Frontier Freight" } } })).toBe(1);
    expect(await db.company.findMany({ where: { name: { startsWith: "Gulf Coast" } }, select: { name: true, city: true } })).toEqual([
      { name: "Gulf Coast Oversize", city: "Houston" },
    ]);
    expect(await db.company.count()).toBe(6 + 2);
  });

  it("applies the defaults when the manager changes nothing: fill every identity match, hold same-name rows back, create same-phone ones", async () => {
    // Run alone on a clean table, so the fixture meets exactly the companies above.
    await db.$executeRaw`TRUNCATE companies, import_runs RESTART IDENTITY CASCADE`;
    const { actor } = await makeUser({ role: "super_admin" });
    const c = await existingCompanies();
    const run = await createImportRun(actor, { name: "identity-rules.csv", content: csv });
    await startImportRun(actor, { runId: run.id, kind: "companies", mapping: run.columns.map((col) => col.field) });
    await runImport({ runId: run.id });
    // Created: 8 (Frontier Freight Inc, by phone), 10, 11 (same phone as 10: created too), 13.
    // Updated: 2 and 3 (Amarillo's empty city and USDOT), 4 (Brazos's email). Skipped: 5 and 6
    // (nothing empty to fill), 7 and 9 (same name and state). Failed: 12.
    expect(await db.importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ created: 4, updated: 3, skipped: 4, failed: 1 });
    expect(await db.company.findUniqueOrThrow({ where: { id: c.amarillo.id } })).toMatchObject({ city: "Amarillo", usdot: "3100001" });
    expect(await city(c.delta.id)).toBe("Dallas");
    expect(await city(c.eagle.id)).toBeNull();
    expect(await db.company.count({ where: { name: { startsWith: "Frontier Freight" } } })).toBe(2);
  });

  it("resumes a run stored with the former two decisions as the manager chose them", () => {
    expect(storedImportDecisions({ matched: "overwrite", possibleDuplicate: "create" })).toEqual({
      external_id: "overwrite",
      usdot: "overwrite",
      mc: "overwrite",
      email: "overwrite",
      name_state: "create",
      phone: "create",
    });
    expect(storedImportDecisions(null)).toEqual({
      external_id: "fill_empty",
      usdot: "fill_empty",
      mc: "fill_empty",
      email: "fill_empty",
      name_state: "skip",
      phone: "create",
    });
  });
});
