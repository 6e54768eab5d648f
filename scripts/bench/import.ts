// npm run bench -- import [--rows 100000] [--existing 20000] [--max-seconds 60]
// The CSV import (issue 17) end to end on a database of its own (`<BENCH_DB_PREFIX>_import`, made
// afresh each run): a HubSpot-style export of --rows companies with contacts is generated here
// (a fifth of them companies we already have, by USDOT or email; 1 % with a bad value), then
// uploaded (stored in PostgreSQL), started (the whole file checked) and written by the import-run
// job's handler in set-based batches. Target: the whole import of 100 000 rows under 60 s.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import pg from "pg";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { createImportRun } from "@/lib/import/create-import-run";
import { runImport } from "@/lib/import/run-import";
import { startImportRun } from "@/lib/import/start-import-run";
import { jobSender } from "@/lib/jobs/job-boss";
import { useDatabase as pointDbAt } from "./lib/bench-database";
import { printTable, type TBenchResult } from "./lib/report";

const SERVER = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PREFIX = process.env.BENCH_DB_PREFIX ?? "pilot_crm_bench";
const AREA_CODES = [512, 405, 316, 505, 303, 225, 501, 314, 402, 515];
const STATES = ["TX", "OK", "KS", "NM", "CO", "LA", "AR", "MO", "NE", "IA"];

async function freshDatabase(name: string): Promise<string> {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The export: Excel-ish header, quoted names with commas, notes with line breaks, CRLF. */
function exportFile(rows: number, existing: number): { csv: Buffer; bad: number; matching: number } {
  const lines = ["Company name,Contact Name,Email,Phone Number,DOT Number,MC Number,City,State/Region,Lead Status,Create Date,Notes"];
  let bad = 0;
  let matching = 0;
  for (let i = 0; i < rows; i++) {
    // Every fifth row is a company we have: alternately by its USDOT and by its email.
    const known = i % 5 === 0 && i / 5 < existing ? i / 5 : null;
    if (known !== null) matching++;
    const usdot = known !== null && known % 2 === 0 ? 5_000_000 + known : 7_000_000 + i;
    const email = known !== null && known % 2 === 1 ? `ops${known}@known.example` : `dispatch${i}@carrier${i}.example`;
    const broken = i % 100 === 99;
    if (broken) bad++;
    const phone = `(${AREA_CODES[i % AREA_CODES.length]}) 555-01${String(i % 100).padStart(2, "0")}`;
    lines.push(
      [
        `"Carrier ${i}, LLC"`,
        `Driver ${i}`,
        broken ? "not-an-email" : email,
        phone,
        String(usdot),
        `MC-${300_000 + i}`,
        "Springfield",
        STATES[i % STATES.length],
        i % 3 === 0 ? "New" : "Open",
        `${1 + (i % 12)}/${1 + (i % 28)}/2024`,
        i % 10 === 0 ? `"Oversize loads,\nescorts ${i}"` : "",
      ].join(","),
    );
  }
  return { csv: Buffer.from(lines.join("\r\n") + "\r\n"), bad, matching };
}

export async function run(args: string[]): Promise<TBenchResult> {
  const { values } = parseArgs({
    args,
    options: { rows: { type: "string" }, existing: { type: "string" }, "max-seconds": { type: "string" } },
  });
  const rows = Number(values.rows ?? 100_000);
  const existing = Number(values.existing ?? 20_000);
  const maxSeconds = Number(values["max-seconds"] ?? 60);

  const url = await freshDatabase(`${PREFIX}_import`);
  // No server: the domain functions run in this process, so the schema is all it needs.
  const migrated = spawnSync(process.execPath, ["scripts/migrate.mjs", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(`migration failed: ${migrated.stderr}`);
  pointDbAt(url);
  // A job schema of its own: the handler is called here, nothing else runs the queued job.
  process.env.JOB_SCHEMA = "pgboss_bench_import";
  const manager = await db.user.create({ data: { email: "manager@bench.example", name: "Manager", role: "super_admin", passwordHash: "x" } });
  const actor: TActor = { id: manager.id, role: "super_admin", name: manager.name, email: manager.email };
  // Companies we already have, as the webhook would have made them.
  await db.$executeRaw`
    INSERT INTO companies (name, email, email_norm, usdot, state, updated_at)
    SELECT 'Known ' || k, 'ops' || k || '@known.example', 'ops' || k || '@known.example', (5000000 + k)::text, 'TX', now()
    FROM generate_series(0, ${existing - 1}) AS k`;
  await db.$executeRaw`ANALYZE companies`;

  const { csv, bad, matching } = exportFile(rows, existing);
  console.log(`file: ${rows} rows, ${(csv.byteLength / 1024 / 1024).toFixed(1)} MB; ${matching} known companies, ${bad} bad rows`);

  // A running instance has its job sender up; its first start (pg-boss's schema) is not the import's.
  await jobSender();
  const t0 = performance.now();
  const created = await createImportRun(actor, { name: "hubspot-100k.csv", content: csv });
  const t1 = performance.now();
  await startImportRun(actor, { runId: created.id, kind: "companies", mapping: created.columns.map((c) => c.field) });
  const t2 = performance.now();
  const result = await runImport({ runId: created.id });
  const t3 = performance.now();
  const run = await db.importRun.findUniqueOrThrow({ where: { id: created.id } });
  const companies = await db.company.count();
  const contacts = await db.contact.count();

  const s = (ms: number) => Math.round(ms) / 1000;
  const total = s(t3 - t0);
  const figures = {
    rows,
    file_mb: Math.round((csv.byteLength / 1024 / 1024) * 10) / 10,
    upload_s: s(t1 - t0),
    check_s: s(t2 - t1),
    job_s: s(t3 - t2),
    total_s: total,
    rows_per_s: Math.round(rows / total),
    job_rows_per_s: Math.round(rows / s(t3 - t2)),
    created: run.created,
    updated: run.updated,
    skipped: run.skipped,
    failed: run.failed,
    companies,
    contacts,
    target_s: maxSeconds,
  };
  printTable("CSV import", [
    { phase: "upload (store file)", seconds: figures.upload_s },
    { phase: "start (check whole file)", seconds: figures.check_s },
    { phase: "job (write batches)", seconds: figures.job_s },
    { phase: "total", seconds: total },
  ]);
  printTable("Result", [{ rows, created: run.created, updated: run.updated, skipped: run.skipped, failed: run.failed, "rows/s": figures.rows_per_s }]);
  const counted = run.status === "finished" && result.status === "finished" && run.rowsDone === rows && run.failed === bad
    && run.created + run.updated + run.skipped + run.failed === rows && companies === existing + run.created;
  if (!counted) console.error("counts do not add up", run);
  await db.$disconnect();
  return { pass: counted && total < maxSeconds, figures };
}
