// Two instances of the production server on one database behind nginx (the README's recipe,
// tests/ops/fixtures/nginx.ts): they behave as one. 50 simultaneous claims of one lead through
// the balancer → exactly one 200, 49 × 409; 20 simultaneous first events of one company → one
// company, one lead; a session made on one instance is honoured by the other; every pg-boss
// schedule fires once per tick across both runners; and one instance shutting down under
// continuous traffic costs no client a 5xx or a reset.
import pg from "pg";
import { JOB_KINDS } from "@/lib/jobs/job-kinds";
import { makeLead } from "../fixtures/factories";
import { companyFor, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";
import { opsPort, startAppServer, type TAppServer } from "./fixtures/app-server";
import { signIn } from "./fixtures/login";
import { startNginx, type TNginx } from "./fixtures/nginx";
import { createOpsDatabase, makeRep, type TOpsDatabase } from "./fixtures/ops-database";

const lbPort = Number(process.env.OPS_NGINX_PORT ?? 8080);
const lb = `http://127.0.0.1:${lbPort}`;
const secret = newSecret();
const nextAuthSecret = "two-instances-shared-secret-0123456789abcdef";
let database: TOpsDatabase;
let servers: TAppServer[] = [];
let nginx: TNginx | undefined;

beforeAll(async () => {
  database = await createOpsDatabase("pilot_crm_ops_cluster");
  const env = {
    DATABASE_URL: database.url,
    LEAD_WEBHOOK_SECRET: secret,
    NEXTAUTH_SECRET: nextAuthSecret,
    NEXTAUTH_URL: lb,
    // Each runner looks at the cron clock every second: both contend for every tick.
    JOB_CRON_CHECK_SECONDS: "1",
  };
  servers = await Promise.all([4, 5].map((offset) => startAppServer({ port: opsPort(offset), env })));
  nginx = await startNginx(lbPort, [opsPort(4), opsPort(5)]);
});

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(servers.map((s) => s.stop()));
  await database?.drop();
});

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const servedBy = (server: TAppServer) => server.logLines().filter((l) => l.msg === "request").length;

it("serves as one: one claim wins of 50, one lead of 20 first events, sessions across instances", async () => {
  const reps = await Promise.all(Array.from({ length: 5 }, () => makeRep()));
  const sessions = await Promise.all(reps.map((r) => signIn(lb, r.email, r.password)));
  const lead = await makeLead();

  // A session made through one instance works on each instance directly.
  for (const server of servers) {
    const page = await fetch(`${server.url}/admin/crm`, { headers: { cookie: sessions[0].cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
  }

  const before = servers.map(servedBy);
  const claims = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      fetch(`${lb}/admin/crm/assign-lead/${lead.id}`, {
        method: "POST",
        headers: { cookie: sessions[i % sessions.length].cookie, "content-type": "application/json" },
        body: "{}",
      }).then((r) => r.status),
    ),
  );
  expect(claims.filter((s) => s === 200)).toHaveLength(1);
  expect(claims.filter((s) => s === 409)).toHaveLength(49);
  // Both instances took part.
  servers.forEach((s, i) => expect(servedBy(s)).toBeGreaterThan(before[i]));

  const company = companyFor();
  const events = Array.from({ length: 20 }, () => signedRequest(leadEvent("load_plan", { company }), { secret }));
  const answers = await Promise.all(events.map((e) => fetch(`${lb}/api/webhooks/leads`, { method: "POST", headers: e.request.headers, body: e.raw })));
  expect(answers.map((a) => a.status)).toEqual(events.map(() => 202));
  const rows = await query<{ companies: number; leads: number; activities: number }>(
    `SELECT count(DISTINCT c.id)::int AS companies, count(DISTINCT l.id)::int AS leads, count(a.id)::int AS activities
       FROM companies c JOIN sales_leads l ON l.company_id = c.id JOIN lead_activities a ON a.lead_id = l.id
      WHERE c.external_id = $1`,
    [company.external_id],
  );
  expect(rows[0]).toEqual({ companies: 1, leads: 1, activities: 20 });
});

it("fires each pg-boss schedule once per tick across both instances' runners", async () => {
  await Promise.all(servers.map((s) => s.waitForLog((l) => l.msg === "job runner started")));
  const kinds = Object.entries(JOB_KINDS)
    .filter(([, k]) => "schedule" in k && k.schedule)
    .map(([name]) => name)
    .sort();
  expect(kinds).toEqual(expect.arrayContaining(["email-recover-stuck", "webhook-receipts-cleanup"]));
  expect((await query<{ name: string }>("SELECT name FROM pgboss.schedule ORDER BY name")).map((r) => r.name)).toEqual(kinds);

  // Every schedule made due every minute (instead of every 5 minutes, or at 03:17), from a moment
  // when no tick is being turned into a job: each tick is then a `__pgboss__send-it` row (one
  // per schedule and minute, pg-boss's cron lock) that one runner turns into the kind's job.
  let since: Date | undefined;
  while (!since) {
    const [row] = await query<{ since: Date; schedules: number; pending: number }>(
      `WITH due AS (UPDATE pgboss.schedule SET cron = '* * * * *' RETURNING 1)
       SELECT now() AS since, (SELECT count(*)::int FROM due) AS schedules,
              (SELECT count(*)::int FROM pgboss.job WHERE name = '__pgboss__send-it' AND state <> 'completed') AS pending`,
    );
    expect(row.schedules).toBe(kinds.length);
    if (row.pending === 0) since = row.since;
    else await new Promise((r) => setTimeout(r, 200));
  }

  type TTicks = { kind: string; ticks: number; slots: number; done: number };
  type TRuns = { kind: string; runs: number; completed: number; ids: string[] };
  const look = async () => {
    const ticks = await query<TTicks>(
      `SELECT singleton_key AS kind, count(*)::int AS ticks, count(DISTINCT singleton_on)::int AS slots,
              count(*) FILTER (WHERE state = 'completed')::int AS done
         FROM pgboss.job WHERE name = '__pgboss__send-it' AND started_on >= $1 GROUP BY 1 ORDER BY 1`,
      [since],
    );
    const runs = await query<TRuns>(
      `SELECT name AS kind, count(*)::int AS runs, count(*) FILTER (WHERE state = 'completed')::int AS completed,
              array_agg(id::text ORDER BY id) AS ids
         FROM pgboss.job WHERE name = ANY($2) AND created_on >= $1 GROUP BY 1 ORDER BY 1`,
      [since, kinds],
    );
    return { ticks, runs };
  };
  // Two minutes' ticks of every schedule, all turned into jobs and run: the first minute is
  // then over, so a second firing in it by the other runner would be here.
  let seen: Awaited<ReturnType<typeof look>>;
  for (;;) {
    seen = await look();
    const settled = kinds.every((kind) => {
      const t = seen.ticks.find((r) => r.kind === kind);
      const r = seen.runs.find((x) => x.kind === kind);
      return t && r && t.slots >= 2 && t.done === t.ticks && r.completed === r.runs && r.runs >= t.ticks;
    });
    if (settled) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const kind of kinds) {
    const t = seen.ticks.find((r) => r.kind === kind)!;
    const r = seen.runs.find((x) => x.kind === kind)!;
    // One tick per schedule and minute, and one job per tick.
    expect({ kind, ticks: t.ticks, runs: r.runs }).toEqual({ kind, ticks: t.slots, runs: t.slots });
    // Each job ran once, on one of the two instances (their job log lines).
    const ran = servers.flatMap((s) => s.logLines().filter((l) => l.kind === kind && l.outcome === "completed").map((l) => String(l.jobId)));
    expect(ran.filter((id) => r.ids.includes(id)).sort()).toEqual([...r.ids].sort());
  }
});

it("loses no request while one of the two shuts down: no 5xx, no reset, exit within 10 s", async () => {
  const rep = await makeRep();
  const { cookie } = await signIn(lb, rep.email, rep.password);
  const company = companyFor();
  const results: { what: string; status: number; error?: string }[] = [];
  const accepted: string[] = [];
  let stop = false;
  const hit = async (what: string, run: () => Promise<Response>) => {
    try {
      const res = await run();
      await res.arrayBuffer();
      results.push({ what, status: res.status });
      return res.status;
    } catch (err) {
      results.push({ what, status: 0, error: String((err as { cause?: unknown }).cause ?? err) });
      return 0;
    }
  };
  // Pages, an API and webhooks (idempotent by their id, all for one company), back to back.
  const loops = [
    async () => hit("page", () => fetch(`${lb}/admin/crm`, { headers: { cookie }, redirect: "manual" })),
    async () => hit("login page", () => fetch(`${lb}/login`)),
    async () => hit("api", () => fetch(`${lb}/api/health/live`)),
    async () => {
      const e = signedRequest(leadEvent("quote", { company }), { secret });
      if ((await hit("webhook", () => fetch(`${lb}/api/webhooks/leads`, { method: "POST", headers: e.request.headers, body: e.raw }))) === 202) accepted.push(e.id);
    },
  ];
  const running = [...loops, ...loops].map(async (once) => {
    while (!stop) await once();
  });
  const answered = (n: number) => new Promise<void>((resolve) => {
    const target = results.length + n;
    const check = () => (results.length >= target || stop ? resolve() : setTimeout(check, 20));
    check();
  });

  await answered(40);
  const [leaving, staying] = servers;
  const servedBefore = servedBy(staying);
  const signalledAt = performance.now();
  process.kill(leaving.pid, "SIGTERM");
  // The drain: not ready any more, still serving everything else.
  await leaving.waitForLog((l) => typeof l.msg === "string" && l.msg.startsWith("draining"));
  const ready = await fetch(`${leaving.url}/api/health`);
  expect(ready.status).toBe(503);
  expect(ready.headers.get("retry-after")).toBeTruthy();
  expect((await fetch(`${leaving.url}/login`)).status).toBe(200);

  const exit = await leaving.exited;
  await answered(40);
  stop = true;
  await Promise.all(running);

  expect(exit.code).toBe(0);
  expect(exit.at - signalledAt).toBeLessThan(10_000);
  expect(results.filter((r) => r.status === 0 || r.status >= 500)).toEqual([]);
  expect(new Set(results.map((r) => r.what))).toEqual(new Set(["page", "login page", "api", "webhook"]));
  expect(servedBy(staying)).toBeGreaterThan(servedBefore);

  // Every webhook answered 202 is in the database once; the company has one lead.
  const rows = await query<{ receipts: number; activities: number; leads: number }>(
    `SELECT (SELECT count(*)::int FROM webhook_receipts WHERE webhook_id = ANY($1)) AS receipts,
            (SELECT count(*)::int FROM lead_activities WHERE webhook_id = ANY($1)) AS activities,
            (SELECT count(DISTINCT l.id)::int FROM sales_leads l JOIN companies c ON c.id = l.company_id WHERE c.external_id = $2) AS leads`,
    [accepted, company.external_id],
  );
  expect(accepted.length).toBeGreaterThan(0);
  expect(rows[0]).toEqual({ receipts: accepted.length, activities: accepted.length, leads: 1 });
});
