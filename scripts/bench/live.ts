// npm run bench -- live [--clients 50] [--leads 40] [--idle 500]
// Live updates against the production server (server.ts) on a fresh database of its own:
// `clients` reps of one TX territory keep GET /api/events open, each signed in with its own
// session; `leads` signed TX webhooks are sent one after another, and for every client the time
// from sending the webhook (and from its 202) to that client receiving the lead.created event is
// recorded. Then `idle` more streams are opened and left idle, and the server's resident memory
// before and after gives the cost per 500 idle connections. Goals (issue 15): p95 < 1 s, < 20 MB
// per 500 idle connections.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import { openSse, type TSseStream } from "../lib/sse-client";
import { newWebhookId, newWebhookSecret, signWebhook } from "../lib/lead-events";
import { latencySummary } from "./lib/http-load";
import { migrateAndBuild, withClient } from "./lib/bench-database";
import { printTable, type TBenchResult } from "./lib/report";

// The server's own memory after a full garbage collection, asked through its inspector (Chrome
// DevTools Protocol over the `ws` client that playwright-core ships): RSS alone would mostly
// show when V8 last collected.
const requireHere = createRequire(__filename);
type TSocket = { on: (event: string, fn: (arg: unknown) => void) => void; send: (data: string) => void; close: () => void };
const { ws: WebSocket } = requireHere("playwright-core/lib/utilsBundle") as { ws: new (url: string) => TSocket };
const INSPECT_PORT = Number(process.env.BENCH_LIVE_INSPECT_PORT ?? Number(process.env.BENCH_LIVE_PORT ?? 3112) + 1);

type TMemory = { heapMb: number; rssMb: number };

async function connectInspector(): Promise<{ memoryAfterGc: () => Promise<TMemory>; close: () => void }> {
  const [target] = (await (await fetch(`http://127.0.0.1:${INSPECT_PORT}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.on("open", resolve);
    socket.on("error", reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on("message", (raw) => {
    const m = JSON.parse(String(raw)) as { id?: number; result?: unknown };
    if (m.id !== undefined) pending.get(m.id)?.(m.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    memoryAfterGc: async () => {
      await send("HeapProfiler.collectGarbage");
      const r = (await send("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true })) as { result: { value: string } };
      const m = JSON.parse(r.result.value) as { heapUsed: number; external: number; rss: number };
      return { heapMb: mb(m.heapUsed + m.external), rssMb: mb(m.rss) };
    },
    close: () => socket.close(),
  };
}

const SERVER = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_LIVE_PORT ?? 3112);
const BASE = `http://127.0.0.1:${PORT}`;

function urlFor(name: string) {
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return u.toString();
}

async function startServer(env: NodeJS.ProcessEnv, logFile: string): Promise<ChildProcess> {
  const log = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [`--inspect=127.0.0.1:${INSPECT_PORT}`, "--import", "tsx", "server.ts", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: ["ignore", log, log] });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return child;
    } catch {}
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** `n` reps in one TX territory, each with a session cookie minted as signing in does. */
async function makeReps(url: string, n: number, secret: string, tag: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ id: number; email: string; name: string; sid: string }>(
      `WITH u AS (
         INSERT INTO users (email, name, password_hash, role, updated_at)
         SELECT 'bench_' || $1 || '_' || i || '@bench.example', 'Bench rep ' || i, 'x', 'admin', now() FROM generate_series(1, $2::int) i
         RETURNING id, email, name
       ), t AS (INSERT INTO territories (name, states, updated_at) VALUES ('Bench ' || $1, ARRAY['TX'], now()) RETURNING id),
       m AS (INSERT INTO territory_members (territory_id, user_id) SELECT t.id, u.id FROM t, u),
       s AS (INSERT INTO user_sessions (user_id, ip, user_agent) SELECT u.id, '127.0.0.1', 'bench' FROM u RETURNING id, user_id)
       SELECT u.id, u.email, u.name, s.id AS sid FROM u JOIN s ON s.user_id = u.id ORDER BY u.id`,
      [tag, n],
    );
    return Promise.all(
      rows.map(async (r) => `next-auth.session-token=${await encode({ token: { uid: r.id, sid: r.sid, role: "admin", email: r.email, name: r.name }, secret })}`),
    );
  });
}

async function openStreams(cookies: string[]): Promise<TSseStream[]> {
  const streams: TSseStream[] = [];
  // A few at a time: each connect checks its session in the database.
  for (let i = 0; i < cookies.length; i += 25) {
    streams.push(
      ...(await Promise.all(
        cookies.slice(i, i + 25).map(async (cookie) => {
          const s = await openSse(`${BASE}/api/events`, { cookie });
          if (s.status !== 200) throw new Error(`stream answered ${s.status}: ${s.body}`);
          await s.next((e) => e.event === "ready", 30_000);
          return s;
        }),
      )),
    );
  }
  return streams;
}

export async function run(args: string[]): Promise<TBenchResult> {
  const { values } = parseArgs({ args, options: { clients: { type: "string" }, leads: { type: "string" }, idle: { type: "string" } } });
  const clients = Number(values.clients ?? 50);
  const leads = Number(values.leads ?? 40);
  const idle = Number(values.idle ?? 500);
  const tag = crypto.randomBytes(4).toString("hex");
  const name = `pilot_crm_bench_live_${tag}`;
  const url = urlFor(name);
  const webhookSecret = newWebhookSecret();
  const authSecret = crypto.randomBytes(32).toString("base64url");
  let server: ChildProcess | undefined;
  const streams: TSseStream[] = [];

  await withClient(SERVER, (c) => c.query(`CREATE DATABASE "${name}"`));
  try {
    migrateAndBuild(url);
    const logFile = path.join(os.tmpdir(), `${name}.log`);
    server = await startServer(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        DATABASE_URL: url,
        LEAD_WEBHOOK_SECRET: webhookSecret,
        NEXTAUTH_SECRET: authSecret,
        NEXTAUTH_URL: BASE,
        JOB_RUNNER: "off",
      },
      logFile,
    );

    const cookies = await makeReps(url, clients + idle, authSecret, tag);
    streams.push(...(await openStreams(cookies.slice(0, clients))));

    // One webhook at a time, a new TX company each: lead.created reaches every client.
    const fromSend: number[] = [];
    const fromAccepted: number[] = [];
    let missing = 0;
    for (let i = 0; i < leads + 3; i++) {
      const body = JSON.stringify({
        type: "location_share",
        occurred_at: new Date().toISOString(),
        company: { external_id: `bench_live_${tag}_${i}`, name: `Bench Live ${i}`, state: "TX" },
        data: { location: { city: "Austin", state: "TX" }, shared_with: 1 },
      });
      const sent = performance.now();
      const res = await fetch(`${BASE}/api/webhooks/leads`, { method: "POST", headers: signWebhook(webhookSecret, newWebhookId(), body), body });
      const accepted = performance.now();
      if (res.status !== 202) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
      const { lead_id: leadId } = (await res.json()) as { lead_id: number };
      const arrivals = await Promise.all(
        streams.map((s) =>
          s
            .next((e) => e.event === "message" && JSON.parse(e.data).leadId === leadId && JSON.parse(e.data).kind === "lead.created", 10_000)
            .then(() => performance.now())
            .catch(() => NaN),
        ),
      );
      if (i < 3) continue; // warm-up: first compilation of the route and the queries
      for (const at of arrivals) {
        if (Number.isNaN(at)) missing++;
        fromSend.push(at - sent);
        fromAccepted.push(Math.max(0, at - accepted));
      }
      for (const s of streams) s.events.length = 0;
    }

    // Idle connections: the server's memory after a full collection, before and after opening
    // them (the second figure also after a collection, so only what the connections hold counts).
    const inspector = await connectInspector();
    const before = await inspector.memoryAfterGc();
    streams.push(...(await openStreams(cookies.slice(clients, clients + idle))));
    const after = await inspector.memoryAfterGc();
    inspector.close();
    const per500 = (a: number, b: number) => Math.round(((b - a) / idle) * 500 * 10) / 10;
    const heapPer500 = per500(before.heapMb, after.heapMb);
    const rssPer500 = per500(before.rssMb, after.rssMb);

    const send = latencySummary(fromSend);
    const acc = latencySummary(fromAccepted);
    printTable(`webhook → lead.created on each of ${clients} streams, ${leads} leads (ms)`, [
      { from: "webhook sent", ...send },
      { from: "202 received", ...acc },
    ]);
    printTable(`server memory after a full GC, for ${idle} more idle streams (MB)`, [
      { measure: "V8 heap + external", before: before.heapMb, after: after.heapMb, per_500: heapPer500 },
      { measure: "resident (RSS)", before: before.rssMb, after: after.rssMb, per_500: rssPer500 },
    ]);
    console.log(`\nmissing deliveries ${missing}; p95 from sending ${send.p95} ms (target < 1000 ms); ${rssPer500} MB resident per 500 idle streams (target < 20 MB)`);
    return {
      pass: missing === 0 && send.p95 < 1000 && rssPer500 < 20,
      figures: { clients, leads, deliveries: fromSend.length, missing, from_send_ms: send, from_accepted_ms: acc, idle_streams: idle, memory_before_mb: before, memory_after_mb: after, heap_mb_per_500_idle: heapPer500, rss_mb_per_500_idle: rssPer500 },
    };
  } finally {
    streams.forEach((s) => s.close());
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    await withClient(SERVER, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
