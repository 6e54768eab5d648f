// What the ingest benchmarks share: a throw-away database on the bench server, the production
// build served on a port, signed events, and the reconciliation of the database with what was sent.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { newWebhookId, signWebhook, type TLeadEventBody } from "../../lib/lead-events";
import type { TPrepared } from "./http-load";
import { migrateAndBuild } from "./bench-database";

export const SERVER = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const PORT = Number(process.env.BENCH_INGEST_PORT ?? 3111);
export const ROUTE = "/api/webhooks/leads";

export function urlFor(name: string) {
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function admin(sql: string) {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function startServer(env: NodeJS.ProcessEnv, logFile: string, port = PORT): Promise<ChildProcess> {
  const log = fs.openSync(logFile, "w");
  const child = spawn("npx", ["--no-install", "next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", log, log], detached: true });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {}
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

export function prepare(body: TLeadEventBody, secret: string, id = newWebhookId()): TPrepared & { id: string; event: TLeadEventBody } {
  const raw = JSON.stringify(body);
  return { id, event: body, path: ROUTE, headers: signWebhook(secret, id, raw), body: raw };
}


/** A fresh database on the bench server with this branch's migrations, and a production build. */
/** `template`: a copy of that database (the huge bench database), so its data is present and stays untouched. */
export async function prepareDatabaseAndBuild(name: string, template?: string): Promise<string> {
  const url = urlFor(name);
  await admin(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  migrateAndBuild(url);
  return url;
}

/** The environment of a benchmarked server on `url`, at `port`. */
export function serverEnv(url: string, secret: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    LEAD_WEBHOOK_SECRET: secret,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // One load generator is one source: lift the per-source flood limit to measure ingestion.
    WEBHOOK_RATE_LIMIT_PER_MINUTE: "100000000",
  };
}

/** Stops a server started detached (its whole process group). */
export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server?.pid) return;
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {}
  await new Promise((r) => setTimeout(r, 1000));
}

/** PostgreSQL backend pids serving the bench database (the server's pool, opened by the warm-up). */
export async function databaseBackends(url: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return r.rows.map((row) => Number(row.pid));
  } finally {
    await c.end();
  }
}

// What each total counts. lead_events: the timeline entries an event writes itself, one each; a
// second load plan on a lead adds a `haul` entry (kept or replaced estimate), counted apart.
const TOTALS = {
  lead_activities: "SELECT count(*) AS n FROM lead_activities",
  webhook_receipts: "SELECT count(*) AS n FROM webhook_receipts",
  companies: "SELECT count(*) AS n FROM companies",
  sales_leads: "SELECT count(*) AS n FROM sales_leads",
  lead_events: "SELECT count(*) AS n FROM lead_events WHERE type <> 'haul'",
  haul_events: "SELECT count(*) AS n FROM lead_events WHERE type = 'haul'",
} as const;
export type TTotals = Record<keyof typeof TOTALS, number>;

/** Row counts of the tables the reconciliation totals, taken before a run on a database that has data. */
export async function tableTotals(url: string): Promise<TTotals> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`SELECT ${Object.entries(TOTALS).map(([name, sql]) => `(${sql})::int AS ${name}`).join(", ")}`);
    return r.rows[0] as TTotals;
  } finally {
    await c.end();
  }
}

/** The database against what was sent and answered (totals counted above `before`, when it had data). */
export async function reconcile(
  url: string,
  accepted: { id: string; event: TLeadEventBody }[],
  refusedIds: string[],
  before: TTotals = { lead_activities: 0, webhook_receipts: 0, companies: 0, sales_leads: 0, lead_events: 0, haul_events: 0 },
) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const ids = accepted.map((a) => a.id);
    const q = async (sql: string, params: unknown[] = []) => Number((await c.query(sql, params)).rows[0].n);
    const companies = new Set(accepted.map((a) => a.event.company.external_id)).size;
    const figures = {
      accepted: ids.length,
      activities_for_accepted: await q("SELECT count(*) AS n FROM lead_activities WHERE webhook_id = ANY($1)", [ids]),
      ids_with_not_one_activity: await q(
        // One hash join, not a subquery per id: lead_activities.webhook_id has no index, and on a
        // copy of the huge database (1 000 000 activities) a scan per sent id took over 10 minutes.
        "SELECT count(*) AS n FROM (SELECT sent.wid, count(a.id) AS c FROM unnest($1::text[]) AS sent(wid) LEFT JOIN lead_activities a ON a.webhook_id = sent.wid GROUP BY sent.wid) x WHERE x.c <> 1",
        [ids],
      ),
      activities_total: (await q("SELECT count(*) AS n FROM lead_activities")) - before.lead_activities,
      receipts_total: (await q("SELECT count(*) AS n FROM webhook_receipts")) - before.webhook_receipts,
      rows_from_refused: await q(
        "SELECT (SELECT count(*) FROM lead_activities WHERE webhook_id = ANY($1)) + (SELECT count(*) FROM webhook_receipts WHERE webhook_id = ANY($1)) AS n",
        [refusedIds],
      ),
      companies_expected: companies,
      companies_total: (await q("SELECT count(*) AS n FROM companies")) - before.companies,
      duplicate_companies: await q(
        "SELECT (SELECT count(*) FROM (SELECT usdot FROM companies GROUP BY usdot HAVING count(*) > 1) d) + (SELECT count(*) FROM (SELECT email_norm FROM companies GROUP BY email_norm HAVING count(*) > 1) e) AS n",
      ),
      leads_expected: companies,
      leads_total: (await q("SELECT count(*) AS n FROM sales_leads")) - before.sales_leads,
      lead_events_total: (await q(TOTALS.lead_events)) - before.lead_events,
      haul_events: (await q(TOTALS.haul_events)) - before.haul_events,
    };
    const clean =
      figures.activities_for_accepted === ids.length &&
      figures.ids_with_not_one_activity === 0 &&
      figures.activities_total === ids.length &&
      figures.receipts_total === ids.length &&
      figures.rows_from_refused === 0 &&
      figures.companies_total === companies &&
      figures.duplicate_companies === 0 &&
      figures.leads_total === companies &&
      figures.lead_events_total === ids.length;
    return { figures, clean };
  } finally {
    await c.end();
  }
}
