// npm run db:backup / db:restore as an operator runs them: a database with data in it is backed
// up, restored into a new database on the server, and the copy holds the same rows in every table
// and the same schema objects (tables, indexes, functions, triggers); the app works on it
// (migration history clean, a domain query answers). Restoring over data is refused without
// --force. (The embedded database's backup: tests/ops/embedded-backup.test.ts.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { db } from "@/lib/db";
import { claimLead } from "@/lib/leads/claim-lead";
import { listLeads } from "@/lib/leads/list-leads";
import { createSalesLead } from "@/lib/ingest/create-sales-lead";
import { companyFor, EVENT_DATA } from "../fixtures/lead-webhook";
import { makeLead, makeUser } from "../fixtures/factories";
import { createTestDatabase } from "../setup/test-database.mjs";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-crm-backup-"));
let source: { url: string; drop: () => Promise<void> };
let targetUrl: string;
const shared = process.env.DATABASE_URL;

function run(script: string, args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

// What "the same database" means here: each table's row count, and the schema's objects.
async function picture(url: string) {
  const tables = await query<{ name: string }>(
    url,
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM "${name}"`))[0].n;
  const indexes = await query(
    url,
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
  );
  const functions = await query(
    url,
    // An aggregate has no function definition: its state function, state type and start value instead.
    `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS fn,
            md5(CASE WHEN p.prokind = 'a' THEN concat_ws(' ', a.aggtransfn::text, a.aggtranstype::regtype::text, a.agginitval)
                     ELSE pg_get_functiondef(p.oid) END) AS body
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
      WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') ORDER BY 1`,
  );
  const triggers = await query(
    url,
    "SELECT tgname, tgrelid::regclass::text AS rel, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2",
  );
  const extensions = await query(url, "SELECT extname FROM pg_extension ORDER BY 1");
  return { counts, indexes, functions, triggers, extensions };
}

beforeAll(async () => {
  source = await createTestDatabase("pilot_crm_backup_src");
  targetUrl = source.url.replace(/pilot_crm_backup_src_/, "pilot_crm_backup_dst_");
  process.env.DATABASE_URL = source.url;
  const { actor } = await makeUser();
  for (let i = 0; i < 5; i++) await makeLead();
  const ingested = await createSalesLead({
    company: companyFor(),
    source: "quote",
    leadData: EVENT_DATA.quote,
    occurredAt: new Date(),
  } as never);
  await claimLead(actor, { lead_id: ingested.leadId });
  await db.$disconnect();
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  process.env.DATABASE_URL = shared;
  await source?.drop();
  const admin = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  });
  await admin.connect();
  await admin.query(
    `DROP DATABASE IF EXISTS "${decodeURIComponent(new URL(targetUrl).pathname.slice(1))}" WITH (FORCE)`,
  );
  await admin.end();
  fs.rmSync(tmp, { recursive: true, force: true });
});

it("backs up a database and restores it elsewhere with every row and schema object", async () => {
  const file = path.join(tmp, "crm.dump");
  const backup = run("scripts/db-backup.mjs", ["--out", file], { DATABASE_URL: source.url });
  expect(backup).toMatchObject({ code: 0 });
  expect(backup.out).not.toContain("postgres@"); // the URL stays out of the output

  const restored = run("scripts/db-restore.mjs", [file], { DATABASE_URL: targetUrl });
  expect(restored.out).toContain("restored");
  expect(restored.code).toBe(0);

  const before = await picture(source.url);
  const after = await picture(targetUrl);
  expect(Object.keys(after.counts)).toEqual(
    expect.arrayContaining(["sales_leads", "lead_events", "webhook_receipts", "_prisma_migrations"]),
  );
  expect(after.counts.sales_leads).toBe(6);
  expect(after).toEqual(before);

  // The app boots on the copy: nothing to migrate, and a domain query answers.
  const status = run("scripts/migrate.mjs", ["status"], { DATABASE_URL: targetUrl });
  expect(status).toMatchObject({ code: 0 });
  expect(status.out.trim()).toBe("null"); // no divergence from prisma/migrations
  process.env.DATABASE_URL = targetUrl;
  const [rep] = await query<{ id: number; role: "admin"; name: string; email: string }>(
    targetUrl,
    "SELECT id, role, name, email FROM users LIMIT 1",
  );
  const list = await listLeads(rep, { filter: {} });
  expect(list.total).toBe(6);

  // Over data it refuses, unless told.
  const again = run("scripts/db-restore.mjs", [file], { DATABASE_URL: targetUrl });
  expect(again.code).toBe(1);
  expect(again.out).toContain("not empty");
  await db.$disconnect();
  const forced = run("scripts/db-restore.mjs", [file, "--force"], { DATABASE_URL: targetUrl });
  expect(forced).toMatchObject({ code: 0 });
  expect((await picture(targetUrl)).counts).toEqual(before.counts);
}, 180_000); // six child processes (pg_dump, pg_restore ×3, the schema engine): slow on a busy machine
