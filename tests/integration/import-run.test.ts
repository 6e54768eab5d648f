// The import as a job (issue 17) on a real PostgreSQL: real export files uploaded, started and
// written through the pg-boss job runner with the expected counts; the manager's decisions on
// companies we have; cancel; a crash mid-file resumed exactly once; the error report; refusals
// before anything is written; the manager-only routes; and a webhook racing an import row.
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { cancelImportRun } from "@/lib/import/cancel-import-run";
import { createImportRun } from "@/lib/import/create-import-run";
import { exportImportErrorsCsv } from "@/lib/import/export-import-errors-csv";
import { getImportRun } from "@/lib/import/get-import-run";
import { mapImportHeaders } from "@/lib/import/map-import-headers";
import { runImport } from "@/lib/import/run-import";
import { startImportRun, type TStartImportRun } from "@/lib/import/start-import-run";
import { writeImportBatch } from "@/lib/import/write-import-batch";
import { DEFAULT_IMPORT_DECISIONS } from "@/lib/import/import-decisions";
import { IDENTITY_RULES } from "@/lib/companies/duplicate-rules";
import { normalizeImportRow } from "@/lib/import/normalize-import-row";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/job-runner";
import { runnableJobKinds } from "@/lib/jobs/job-handlers";
import { makeUser, uid } from "../fixtures/factories";
import { dropJobSchema, eventually, testJobSchema } from "../fixtures/jobs";
import { runInOwnDatabase } from "../fixtures/own-database";
import { companyFor, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";
import { ORIGIN, params, routeRequest, sessionCookie } from "../fixtures/route-request";

runInOwnDatabase("pilot_crm_test_import_run");
const SECRET = newSecret();
process.env.LEAD_WEBHOOK_SECRET = SECRET;
const schema = testJobSchema();
const savedSchema = process.env.JOB_SCHEMA;
beforeAll(() => {
  process.env.JOB_SCHEMA = schema;
});
afterAll(async () => {
  await stopJobRunner();
  if (savedSchema === undefined) delete process.env.JOB_SCHEMA;
  else process.env.JOB_SCHEMA = savedSchema;
  await dropJobSchema(schema);
});

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures/import", name));
const manager = async () => (await makeUser({ role: "super_admin" })).actor;
const everyIdentityRule = (decision: "fill_empty" | "overwrite" | "skip") => Object.fromEntries(IDENTITY_RULES.map((r) => [r, decision]));
const runRow = (id: number) => db.importRun.findUniqueOrThrow({ where: { id } });

/** Uploads a file and starts it with the automatic mapping (or the one given). */
async function upload(actor: Awaited<ReturnType<typeof manager>>, name: string, content: Buffer, start: Partial<TStartImportRun> = {}) {
  const created = await createImportRun(actor, { name, content });
  const mapping = start.mapping ?? created.columns.map((c) => c.field);
  const started = await startImportRun(actor, { runId: created.id, kind: "companies", ...start, mapping });
  return started.id;
}

describe("imports run through the job runner", () => {
  beforeAll(async () => {
    await startJobRunner({ schema, kinds: runnableJobKinds(), pollingIntervalSeconds: 0.5 });
    // The HubSpot file's owners.
    for (const name of ["alex", "sarah", "mike", "jessica"])
      await db.user.create({ data: { email: `${name}@pilot-crm.test`, name, role: "admin", passwordHash: "x" } });
  });
  const finished = (id: number) =>
    eventually(async () => {
      const r = await runRow(id);
      return r.status === "finished" || r.status === "failed" ? r : null;
    });

  it("imports a HubSpot company export: companies, counts, progress and audit", async () => {
    const actor = await manager();
    const id = await upload(actor, "hubspot-companies.csv", fixture("hubspot-companies.csv"));
    const run = await finished(id);
    expect(run).toMatchObject({ status: "finished", totalRows: 6, rowsDone: 6, created: 6, updated: 0, skipped: 0, failed: 0, leadsCreated: 0 });
    const lone = await db.company.findFirstOrThrow({ where: { usdot: "1234567" } });
    expect(lone).toMatchObject({ name: "Lone Star Heavy Haul", phone: "+15125550100", email: "ops@lonestarhaul.example", emailNorm: "ops@lonestarhaul.example", state: "TX", mcNumber: "MC-998877" });
    const view = await getImportRun(actor, id);
    expect(view).toMatchObject({ status: "finished", rowsDone: 6, totalRows: 6, etaSeconds: null });
    const audit = await db.auditLog.findMany({ where: { targetType: "import_run", targetId: String(id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["import.started", "import.finished"]);
  });

  it("imports HubSpot rows as leads: owners by email through the import step, closed ones without a lead", async () => {
    const actor = await manager();
    // The same companies under other keys (USDOT, MC, email, phone), so none is the first test's.
    const csv = fixture("hubspot-companies.csv")
      .toString("utf8")
      .replace(/\b\d{6,7}\b/g, (m) => String(Number(m) + 10))
      .replace(/555([ .-])01/g, "555$102")
      .replace(/@(\w+)\.example/g, "@$1-leads.example");
    const id = await upload(actor, "hubspot-leads.csv", Buffer.from(csv), { kind: "leads", decisions: { name_state: "create" } });
    const run = await finished(id);
    expect(run).toMatchObject({ status: "finished", created: 6, failed: 0, leadsCreated: 4 });
    const leads = await db.salesLead.findMany({
      where: { leadSource: "import", company: { name: { in: ["Lone Star Heavy Haul", "Prairie Wind Transport", "Big Sky Rigging, LLC", "Great Lakes Oversize"] } } },
      include: { company: true, assignedAdmin: true, events: true },
      orderBy: { id: "asc" },
    });
    expect(leads.map((l) => [l.company.name, l.status, l.assignedAdmin?.email ?? null, l.events.map((e) => e.type)])).toEqual([
      ["Lone Star Heavy Haul", "assigned", "alex@pilot-crm.test", ["imported"]],
      ["Prairie Wind Transport", "assigned", "sarah@pilot-crm.test", ["imported"]],
      ["Big Sky Rigging, LLC", "pending", null, ["imported"]],
      ["Great Lakes Oversize", "assigned", "jessica@pilot-crm.test", ["imported"]],
    ]);
    expect(leads[0].states).toEqual(["TX"]);
  });

  it.each([
    ["pipedrive-organizations.csv", { totalRows: 4, created: 4, failed: 0 }],
    ["semicolon-bom-crlf.csv", { totalRows: 3, created: 3, failed: 0 }],
    ["windows-1252.csv", { totalRows: 2, created: 2, failed: 0 }],
    ["malformed-rows.csv", { totalRows: 12, created: 7, failed: 5 }],
  ])("imports %s with the expected counts", async (file, counts) => {
    const id = await upload(await manager(), file, fixture(file));
    expect(await finished(id)).toMatchObject({ status: "finished", ...counts });
  });

  it("keeps people as contacts and reads Windows-1252 names right", async () => {
    expect(await db.contact.findFirst({ where: { name: "Dana Whitfield" }, include: { company: true } })).toMatchObject({
      email: "dana@rockypilot.example", phone: "+13035550111", company: { name: "Rocky Mountain Pilot Cars", state: "CO" },
    });
    expect(await db.contact.count({ where: { name: "José Peña", company: { name: "Café Pilot Cars" } } })).toBe(1);
  });

  it("reports every rejected row with its row, column and reason, and writes none of them", async () => {
    const actor = await manager();
    const run = await db.importRun.findFirstOrThrow({ where: { fileName: "malformed-rows.csv" } });
    const { csv, fileName } = await exportImportErrorsCsv(actor, run.id);
    expect(fileName).toBe(`import-${run.id}-errors.csv`);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("row,column,value,reason");
    expect(lines.slice(1, 5)).toEqual([
      "4,Email,not-an-email,Not an email address",
      "6,USDOT,12AB45,A USDOT number is 1 to 8 digits",
      "8,State,Narnia,Not a US state",
      "10,Created,sometime soon,Not a date",
    ]);
    expect(lines.slice(5).every((l) => l.startsWith("12,"))).toBe(true);
    expect(await db.company.count({ where: { name: "Broken Email Co" } })).toBe(0);
  });
});

describe("the manager's decisions on companies we have", () => {
  it("fills empty fields, overwrites, skips, and creates or skips possible duplicates as told", async () => {
    const actor = await manager();
    const u = uid();
    const made = (data: { name: string; usdot?: string; email?: string; city?: string; state?: string; phone?: string }) =>
      db.company.create({ data: { ...data, emailNorm: data.email ?? null } });
    const a = await made({ name: `Alpha ${u}`, usdot: "81000001", city: "Austin", state: "TX" });
    const b = await made({ name: `Bravo ${u}`, usdot: "81000002", city: "Tulsa", state: "OK" });
    await made({ name: `Delta ${u}`, state: "KS" });
    const csv = [
      "Company,USDOT,City,Phone,State",
      `Alpha ${u},81000001,Dallas,(512) 555-0101,TX`,
      `Bravo ${u} Renamed,81000002,Norman,,OK`,
      `Delta ${u},,,,KS`,
      `Echo ${u},81000005,Waco,,TX`,
    ].join("\n");
    const fill = await upload(actor, "fill.csv", Buffer.from(csv));
    await runImport({ runId: fill });
    expect(await runRow(fill)).toMatchObject({ status: "finished", created: 1, updated: 1, skipped: 2 });
    expect(await db.company.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ city: "Austin", phone: "+15125550101" });
    expect(await db.company.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ name: `Bravo ${u}`, city: "Tulsa" });

    const over = await upload(actor, "overwrite.csv", Buffer.from(csv), { decisions: { ...everyIdentityRule("overwrite"), name_state: "create" } });
    await runImport({ runId: over });
    // Alpha and Bravo overwritten; Delta created beside the one we had; Echo (made by the first run) unchanged.
    expect(await runRow(over)).toMatchObject({ created: 1, updated: 2, skipped: 1 });
    expect(await db.company.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ city: "Dallas", phone: "+15125550101" });
    expect(await db.company.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ name: `Bravo ${u} Renamed`, city: "Norman" });
    expect(await db.company.count({ where: { name: `Delta ${u}` } })).toBe(2);

    const skip = await upload(actor, "skip.csv", Buffer.from(csv.replace("Dallas", "Houston")), { decisions: { ...everyIdentityRule("skip"), name_state: "skip" } });
    await runImport({ runId: skip });
    expect(await runRow(skip)).toMatchObject({ created: 0, updated: 0, skipped: 4 });
    expect((await db.company.findUniqueOrThrow({ where: { id: a.id } })).city).toBe("Dallas");
  });

  it("makes one company of two rows of the same new company in one batch", async () => {
    const u = uid();
    const csv = ["Company,USDOT,Email,Contact Name", `Twin ${u},82000001,,Ann`, `Twin ${u} Inc,82000001,twin${u}@x.example,Bob`].join("\n");
    const id = await upload(await manager(), "twins.csv", Buffer.from(csv));
    await runImport({ runId: id });
    expect(await runRow(id)).toMatchObject({ created: 1, updated: 1 });
    const twins = await db.company.findMany({ where: { usdot: "82000001" }, include: { contacts: true } });
    expect(twins).toHaveLength(1);
    expect(twins[0]).toMatchObject({ name: `Twin ${u}`, emailNorm: `twin${u}@x.example` });
    expect(twins[0].contacts.map((c) => c.name).sort()).toEqual(["Ann", "Bob"]);
  });
});

describe("leads and their owners", () => {
  it("assigns by the owner column, falls back to the rep picked, and rejects an owner who is no active user", async () => {
    const actor = await manager();
    const { user: rep } = await makeUser({ name: "Owner Rep" });
    const { user: fallback } = await makeUser({ name: "Fallback Rep" });
    const { user: gone } = await makeUser({ active: false });
    const u = uid();
    const csv = [
      "Company,Owner,USDOT,State,Deal value",
      `Owned ${u},${rep.email.toUpperCase()},85000001,TX,"$1,250.50"`,
      `Unowned ${u},,85000002,OK,`,
      `Ghost ${u},nobody_${u}@x.example,85000003,KS,`,
      `Former ${u},${gone.email},85000004,NM,`,
    ].join("\n");
    const id = await upload(actor, "owners.csv", Buffer.from(csv), { kind: "leads", assignToId: fallback.id });
    await runImport({ runId: id });
    expect(await runRow(id)).toMatchObject({ created: 2, failed: 2, leadsCreated: 2 });
    const leads = await db.salesLead.findMany({ where: { company: { name: { endsWith: u } } }, include: { company: true }, orderBy: { id: "asc" } });
    expect(leads.map((l) => [l.company.name, l.status, l.assignedAdminId, l.estimatedValue.toString()])).toEqual([
      [`Owned ${u}`, "assigned", rep.id, "1250.5"],
      [`Unowned ${u}`, "assigned", fallback.id, "0"],
    ]);
    const errors = await db.importRunError.findMany({ where: { runId: id }, orderBy: { row: "asc" } });
    expect(errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [4, "Owner", "No active user has this email"],
      [5, "Owner", "No active user has this email"],
    ]);
    expect(await db.company.count({ where: { name: { in: [`Ghost ${u}`, `Former ${u}`] } } })).toBe(0);
  });
});

describe("cancel and resume", () => {
  const bigFile = (u: string, rows: number, usdot: number) =>
    Buffer.from(["Company,USDOT,State", ...Array.from({ length: rows }, (_, i) => `Resume ${u} ${i},${usdot + i},TX`)].join("\n"));

  it("resumes a crashed import after its last committed batch and writes each row once", async () => {
    const u = uid();
    const id = await upload(await manager(), "resume.csv", bigFile(u, 10, 83000000));
    await expect(runImport({ runId: id }, { batchRows: 3, crashAfterBatches: 2 })).rejects.toThrow(/simulated crash/);
    expect(await runRow(id)).toMatchObject({ status: "running", rowsDone: 6, lastRow: 7, created: 6 });
    expect(await runImport({ runId: id }, { batchRows: 3 })).toEqual({ status: "finished" });
    expect(await runRow(id)).toMatchObject({ status: "finished", rowsDone: 10, created: 10 });
    expect(await db.company.count({ where: { name: { startsWith: `Resume ${u} ` } } })).toBe(10);
    // A late second delivery of the job finds nothing to do.
    expect(await runImport({ runId: id })).toEqual({ status: "not running" });
    // The file is dropped once the import is done with it.
    expect(await db.importFile.count({ where: { runId: id } })).toBe(0);
  });

  it("a cancelled import keeps the batches it finished and writes no more", async () => {
    const actor = await manager();
    const u = uid();
    const id = await upload(actor, "cancel.csv", bigFile(u, 10, 84000000));
    await expect(runImport({ runId: id }, { batchRows: 4, crashAfterBatches: 1 })).rejects.toThrow(/simulated crash/);
    expect(await cancelImportRun(actor, { runId: id })).toEqual({ id, rowsDone: 4 });
    expect(await runImport({ runId: id }, { batchRows: 4 })).toEqual({ status: "not running" });
    expect(await runRow(id)).toMatchObject({ status: "cancelled", rowsDone: 4, created: 4, totalRows: 10 });
    expect(await db.company.count({ where: { name: { startsWith: `Resume ${u} ` } } })).toBe(4);
    await expect(cancelImportRun(actor, { runId: id })).rejects.toMatchObject({ status: 409 });
    const audit = await db.auditLog.findMany({ where: { targetType: "import_run", targetId: String(id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["import.started", "import.cancelled"]);
  });
});

describe("refusals before anything is written", () => {
  it("refuses a column of garbage dates when starting, and the draft stays a draft", async () => {
    const actor = await manager();
    const csv = ["Company,Created", ...Array.from({ length: 8 }, (_, i) => `Garbage ${uid()},${i % 4 === 0 ? "2024-01-02" : "n/a " + i}`)].join("\n");
    const created = await createImportRun(actor, { name: "garbage.csv", content: Buffer.from(csv) });
    const before = await db.company.count();
    await expect(startImportRun(actor, { runId: created.id, kind: "companies", mapping: created.columns.map((c) => c.field) })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/Column "Created" does not hold created date values: 6 of 8 are rejected/),
    });
    expect(await db.company.count()).toBe(before);
    expect((await runRow(created.id)).status).toBe("draft");
  });

  it("refuses a malformed file past its first rows when starting", async () => {
    const actor = await manager();
    const csv = ["Company,Notes", ...Array.from({ length: 50 }, (_, i) => `Late ${i},fine`), `Late bad,"never closed`].join("\n");
    const created = await createImportRun(actor, { name: "late.csv", content: Buffer.from(csv) });
    await expect(startImportRun(actor, { runId: created.id, kind: "companies", mapping: mapImportHeaders(["Company", "Notes"]) })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/not a well-formed CSV/),
    });
  });

  it.each([
    ["a binary file", Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000", "latin1"), /not a CSV file/],
    ["no header", Buffer.from("Acme,ops@acme.example,TX\n"), /no header/],
    ["duplicate headers", Buffer.from("Company,Phone,phone\nAcme,1,2\n"), /Column names repeat/],
  ])("refuses %s at upload", async (_what, content, message) => {
    const before = await db.importRun.count();
    await expect(createImportRun(await manager(), { name: "x.csv", content })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(message) });
    expect(await db.importRun.count()).toBe(before);
  });
});

describe("the import routes", () => {
  const uploadRequest = async (userId: number, body: Buffer, headers: Record<string, string> = {}) =>
    new NextRequest(`${ORIGIN}/api/imports`, {
      method: "POST",
      headers: { host: new URL(ORIGIN).host, origin: ORIGIN, cookie: await sessionCookie(userId), "content-type": "text/csv", "x-file-name": "hub.csv", ...headers },
      body: new Uint8Array(body),
    });

  it("uploads, previews, starts, reports progress and the error report for the manager", async () => {
    const { user } = await makeUser({ role: "super_admin" });
    const { POST } = await import("@/app/api/imports/route");
    const res = await POST(await uploadRequest(user.id, fixture("malformed-rows.csv")), params({}));
    expect(res.status).toBe(200);
    const created = (await res.json()) as { id: number; columns: { field: string | null }[] };
    const preview = await import("@/app/api/imports/[id]/preview/route");
    const p = await preview.POST(await routeRequest(`/api/imports/${created.id}/preview`, { userId: user.id, json: { rows: 3 } }), params({ id: String(created.id) }));
    expect(await p.json()).toMatchObject({ counts: { rows: 3, fail: 1 } }); // the others are the earlier test's companies
    const start = await import("@/app/api/imports/[id]/start/route");
    const s = await start.POST(
      await routeRequest(`/api/imports/${created.id}/start`, { userId: user.id, json: { kind: "companies", mapping: created.columns.map((c) => c.field) } }),
      params({ id: String(created.id) }),
    );
    expect(await s.json()).toEqual({ id: created.id, totalRows: 12 });
    await runImport({ runId: created.id });
    const progress = await import("@/app/api/imports/[id]/route");
    const g = await progress.GET(await routeRequest(`/api/imports/${created.id}`, { userId: user.id }), params({ id: String(created.id) }));
    expect(await g.json()).toMatchObject({ status: "finished", rowsDone: 12, failed: 5 });
    const errors = await import("@/app/api/imports/[id]/errors/route");
    const e = await errors.GET(await routeRequest(`/api/imports/${created.id}/errors`, { userId: user.id }), params({ id: String(created.id) }));
    expect(e.headers.get("content-disposition")).toContain(`import-${created.id}-errors.csv`);
    expect((await e.text()).split("\r\n")[1]).toBe("4,Email,not-an-email,Not an email address");
  });

  it("refuses a 200 MB upload with 413 from its declared length, before reading it", async () => {
    const { user } = await makeUser({ role: "super_admin" });
    const { POST } = await import("@/app/api/imports/route");
    const before = await db.importRun.count();
    const res = await POST(await uploadRequest(user.id, Buffer.from("Company\nAcme\n"), { "content-length": String(200 * 1024 * 1024) }), params({}));
    expect(res.status).toBe(413);
    expect(await db.importRun.count()).toBe(before);
  });

  it("answers a rep 404 on every import route", async () => {
    const boss = await manager();
    const created = await createImportRun(boss, { name: "x.csv", content: fixture("hubspot-companies.csv") });
    const { user } = await makeUser();
    const id = { id: String(created.id) };
    const { POST } = await import("@/app/api/imports/route");
    expect((await POST(await uploadRequest(user.id, fixture("hubspot-companies.csv")), params({}))).status).toBe(404);
    const preview = await import("@/app/api/imports/[id]/preview/route");
    expect((await preview.POST(await routeRequest(`/api/imports/${created.id}/preview`, { userId: user.id, json: {} }), params(id))).status).toBe(404);
    const start = await import("@/app/api/imports/[id]/start/route");
    expect((await start.POST(await routeRequest(`/api/imports/${created.id}/start`, { userId: user.id, json: { kind: "companies", mapping: [] } }), params(id))).status).toBe(404);
    const cancel = await import("@/app/api/imports/[id]/cancel/route");
    expect((await cancel.POST(await routeRequest(`/api/imports/${created.id}/cancel`, { userId: user.id, json: {} }), params(id))).status).toBe(404);
    const progress = await import("@/app/api/imports/[id]/route");
    expect((await progress.GET(await routeRequest(`/api/imports/${created.id}`, { userId: user.id }), params(id))).status).toBe(404);
    const errors = await import("@/app/api/imports/[id]/errors/route");
    expect((await errors.GET(await routeRequest(`/api/imports/${created.id}/errors`, { userId: user.id }), params(id))).status).toBe(404);
    expect((await runRow(created.id)).status).toBe("draft");
  });
});

describe("an import row and a webhook for the same company", () => {
  it("make one company: the webhook waits for the import's identity lock, then finds the company", async () => {
    const { POST } = await import("@/app/api/webhooks/leads/route");
    const company = companyFor();
    const headers = ["Company", "USDOT", "State"];
    const record = { row: 2, values: [company.name, company.usdot, "TX"] };
    const row = { row: 2, ...normalizeImportRow(record, headers, mapImportHeaders(headers)), ownerId: null };
    const run = await db.importRun.create({ data: { createdById: (await manager()).id, fileName: "race.csv", fileBytes: 1, encoding: "utf-8", delimiter: ",", headers } });
    let webhook: Promise<Response> | undefined;
    await db.$transaction(
      async (tx) => {
        const counts = await writeImportBatch(tx, { runId: run.id, actorId: run.createdById, kind: "companies", decisions: DEFAULT_IMPORT_DECISIONS, rows: [row] });
        expect(counts.created).toBe(1);
        // The webhook arrives while the import's transaction holds the company's keys.
        webhook = POST(signedRequest(leadEvent("quote", { company }), { secret: SECRET }).request);
        await eventually(async () => {
          const waiting = await db.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`;
          return waiting[0].n > 0;
        });
      },
      { timeout: 60_000 },
    );
    expect((await webhook!).status).toBe(202);
    const companies = await db.company.findMany({ where: { usdot: company.usdot }, include: { leads: true } });
    expect(companies).toHaveLength(1);
    expect(companies[0].leads).toHaveLength(1);
  });
});
