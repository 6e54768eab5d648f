// npm run bench -- ingest [--events 3000] [--connections 32] [--rounds 6] [--max-seconds 240]
// The lead webhook under load, against the production build and a fresh database of its own:
// signed events (20 % from repeat companies) and the same load with a bad signature (the route's
// floor: read, verify, refuse), alternated in rounds so both meet the same machine. Each kind keeps
// its connections open from the warm-up to the end, as a webhook sender does. Then the
// database is reconciled with what was sent: one activity per accepted event, one receipt each,
// one lead per company, no duplicate company, nothing from a refused request.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createLeadEventStream, newWebhookId, newWebhookSecret, signWebhook, type TLeadEventBody } from "../lib/lead-events";
import { createConnections, latencySummary, post, runLoad, type TAnswer, type TPrepared } from "./lib/http-load";
import { pidsCpu, processGroupCpu } from "./lib/process-cpu";
import { migrateAndBuild } from "./lib/bench-database";
import { printTable, type TBenchResult } from "./lib/report";

const SERVER = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_INGEST_PORT ?? 3111);
const ROUTE = "/api/webhooks/leads";

function urlFor(name: string) {
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function startServer(env: NodeJS.ProcessEnv, logFile: string): Promise<ChildProcess> {
  const log = fs.openSync(logFile, "w");
  const child = spawn("npx", ["--no-install", "next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: ["ignore", log, log], detached: true });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return child;
    } catch {}
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

function prepare(body: TLeadEventBody, secret: string, id = newWebhookId()): TPrepared & { id: string; event: TLeadEventBody } {
  const raw = JSON.stringify(body);
  return { id, event: body, path: ROUTE, headers: signWebhook(secret, id, raw), body: raw };
}

export async function run(args: string[]): Promise<TBenchResult> {
  const { values } = parseArgs({
    args,
    options: { events: { type: "string" }, connections: { type: "string" }, rounds: { type: "string" }, "max-seconds": { type: "string" } },
  });
  const total = Number(values.events ?? 3000);
  const connections = Number(values.connections ?? 32);
  const rounds = Math.max(1, Number(values.rounds ?? 6));
  const maxSeconds = Number(values["max-seconds"] ?? 240);
  const name = `pilot_crm_bench_ingest_${crypto.randomBytes(4).toString("hex")}`;
  const url = urlFor(name);
  const secret = newWebhookSecret();
  let server: ChildProcess | undefined;

  await admin(`CREATE DATABASE "${name}"`);
  try {
    migrateAndBuild(url);
    const logFile = path.join(os.tmpdir(), `${name}.log`);
    server = await startServer(
      {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        LEAD_WEBHOOK_SECRET: secret,
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
        // One load generator is one source: lift the per-source flood limit to measure ingestion.
        WEBHOOK_RATE_LIMIT_PER_MINUTE: "100000000",
      },
      logFile,
    );

    // Everything is signed before the clock starts; the run stays well inside the ±5 min window.
    const next = createLeadEventStream({ seed: 42, repeatShare: 0.2 });
    const warm = 100;
    const valid = Array.from({ length: total + warm }, () => prepare(next(), secret));
    const wrongSecret = newWebhookSecret();
    const bad = Array.from({ length: total + warm }, () => prepare(next(), wrongSecret));
    // Each kind keeps its own 32 connections, opened by the warm-up, through all its rounds.
    const open = { valid: createConnections(connections), bad: createConnections(connections) };
    const warmValid = await runLoad(PORT, valid.slice(0, warm), connections, 60, open.valid);
    await runLoad(PORT, bad.slice(0, warm), connections, 60, open.bad);

    // CPU spent by the server and by its database connections: unlike latency, it does not move
    // with what else runs on a shared machine.
    const backends = await databaseBackends(url);
    const cpuNow = () => ({ server: processGroupCpu(server!.pid!), db: pidsCpu(backends) });
    const phase = () => ({ answers: [] as (TAnswer | undefined)[], seconds: 0, serverCpu: 0, dbCpu: 0 });
    const timed = { valid: phase(), bad: phase() };
    const chunk = Math.ceil(total / rounds);
    for (let r = 0; r < rounds; r++) {
      for (const [kind, list] of [["valid", valid], ["bad", bad]] as const) {
        const slice = list.slice(warm + r * chunk, warm + Math.min(total, (r + 1) * chunk));
        const before = cpuNow();
        const result = await runLoad(PORT, slice, connections, maxSeconds / rounds / 2, open[kind]);
        const after = cpuNow();
        timed[kind].answers.push(...result.answers);
        timed[kind].seconds += result.seconds;
        timed[kind].serverCpu += after.server - before.server;
        timed[kind].dbCpu += after.db - before.db;
      }
    }

    open.valid.destroy();
    open.bad.destroy();

    // Replays of accepted events: the sender retries with a fresh signature, same id and body.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const validAnswers = [...warmValid.answers, ...timed.valid.answers];
    const accepted = valid.filter((_, i) => validAnswers[i]?.status === 202);
    let replaysSame = 0;
    const replays = accepted.filter((_, i) => i % 50 === 0);
    await Promise.all(
      replays.map(async (p) => {
        const a = await post(agent, PORT, prepare(p.event, secret, p.id));
        const first = validAnswers[valid.indexOf(p)]!;
        if (a.status === first.status && a.body === first.body) replaysSame++;
      }),
    );
    agent.destroy();

    const recon = await reconcile(url, accepted, bad.map((b) => b.id));
    const stats = (kind: "valid" | "bad", want: number) => {
      const answered = timed[kind].answers.filter(Boolean) as TAnswer[];
      return {
        sent: answered.length,
        expected_status: answered.filter((a) => a.status === want).length,
        other_status: answered.filter((a) => a.status !== want).length,
        throughput_rps: Math.round((answered.length / timed[kind].seconds) * 10) / 10,
        ...latencySummary(answered.map((a) => a.ms)),
        server_cpu_ms_per_req: Math.round((timed[kind].serverCpu / answered.length) * 1000 * 100) / 100,
        db_cpu_ms_per_req: Math.round((timed[kind].dbCpu / answered.length) * 1000 * 100) / 100,
      };
    };
    const v = stats("valid", 202);
    const b = stats("bad", 401);
    const ratio = Math.round((v.throughput_rps / b.throughput_rps) * 100) / 100;
    printTable(`lead webhook at ${connections} connections, ${rounds} alternating rounds (ms)`, [
      { requests: "valid (202)", ...v },
      { requests: "bad signature (401)", ...b },
    ]);
    printTable("reconciliation", Object.entries({ ...recon.figures, replays_sent: replays.length, replays_same_answer: replaysSame }).map(([check, value]) => ({ check, value })));
    console.log(`\nvalid/bad-signature throughput ratio ${ratio} (target ≥ 0.5); valid p99 ${v.p99} ms (target < 100 ms)`);
    const clean = recon.clean && replaysSame === replays.length && v.other_status === 0 && b.other_status === 0 && v.sent === total && b.sent === total;
    return {
      pass: clean && ratio >= 0.5 && v.p99 < 100,
      figures: { connections, events: total, valid: v, bad_signature: b, throughput_ratio: ratio, reconciliation: { ...recon.figures, replays: replays.length, replays_same_answer: replaysSame, clean } },
    };
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {}
      await new Promise((r) => setTimeout(r, 1000));
    }
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

/** PostgreSQL backend pids serving the bench database (the server's pool, opened by the warm-up). */
async function databaseBackends(url: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return r.rows.map((row) => Number(row.pid));
  } finally {
    await c.end();
  }
}

/** The database against what was sent and answered. */
async function reconcile(url: string, accepted: { id: string; event: TLeadEventBody }[], refusedIds: string[]) {
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
        "SELECT count(*) AS n FROM unnest($1::text[]) AS sent(wid) WHERE (SELECT count(*) FROM lead_activities a WHERE a.webhook_id = sent.wid) <> 1",
        [ids],
      ),
      activities_total: await q("SELECT count(*) AS n FROM lead_activities"),
      receipts_total: await q("SELECT count(*) AS n FROM webhook_receipts"),
      rows_from_refused: await q(
        "SELECT (SELECT count(*) FROM lead_activities WHERE webhook_id = ANY($1)) + (SELECT count(*) FROM webhook_receipts WHERE webhook_id = ANY($1)) AS n",
        [refusedIds],
      ),
      companies_expected: companies,
      companies_total: await q("SELECT count(*) AS n FROM companies"),
      duplicate_companies: await q(
        "SELECT (SELECT count(*) FROM (SELECT usdot FROM companies GROUP BY usdot HAVING count(*) > 1) d) + (SELECT count(*) FROM (SELECT email_norm FROM companies GROUP BY email_norm HAVING count(*) > 1) e) AS n",
      ),
      leads_expected: companies,
      leads_total: await q("SELECT count(*) AS n FROM sales_leads"),
      lead_events_total: await q("SELECT count(*) AS n FROM lead_events"),
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
