// The job runner (lib/jobs/job-runner.ts) on pg-boss, on the test PostgreSQL, in a pg-boss
// schema of this file's own: handlers run, failures retry and stay visible, a schedule fires
// once across two runners, stopping lets a running job finish, and the Jobs page's domain
// functions are the manager's only.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { createJobRunner, keepStartingJobRunner, startJobRunner, stopJobRunner, type TJobRunner } from "@/lib/jobs/job-runner";
import { runnableJobKinds } from "@/lib/jobs/job-handlers";
import { getJobsOverview } from "@/lib/jobs/get-jobs-overview";
import { retryJob } from "@/lib/jobs/retry-job";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { JOB_KINDS, deadLetterQueue, type TRunnableJobKinds } from "@/lib/jobs/job-kinds";
import { makeUser } from "../fixtures/factories";
import { dropJobSchema, eventually, testJobSchema, testKind } from "../fixtures/jobs";

const schema = testJobSchema();
afterAll(async () => {
  await stopJobRunner();
  await dropJobSchema(schema);
});

function send(runner: TJobRunner, kind: string, data: object = {}) {
  return runner.boss.send(kind, data, runner.kinds[kind].retry());
}

describe("one runner", () => {
  const seen: unknown[] = [];
  let attempts = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let started!: () => void;
  const slowStarted = new Promise<void>((r) => (started = r));
  const kinds: TRunnableJobKinds = {
    "test-echo": testKind(async (data) => {
      seen.push(data);
      return { echoed: data };
    }),
    "test-flaky": testKind(
      async () => {
        attempts++;
        throw new Error(`carrier API refused (attempt ${attempts})`);
      },
      { retryLimit: 1, retryDelay: 1 },
    ),
    "test-slow": testKind(async () => {
      started();
      await gate;
      return { finished: true };
    }),
  };
  let runner: TJobRunner;
  beforeAll(async () => {
    runner = await startJobRunner({ schema, kinds, pollingIntervalSeconds: 0.5 });
  });

  it("runs a job's handler with its data and keeps the result", async () => {
    const id = (await send(runner, "test-echo", { leadId: 42 }))!;
    const job = await eventually(async () => {
      const j = await runner.boss.getJobById("test-echo", id);
      return j?.state === "completed" ? j : null;
    });
    expect(seen).toEqual([{ leadId: 42 }]);
    expect(job.output).toEqual({ echoed: { leadId: 42 } });
  });

  it("retries a failing job, then shows it failed with its error and a dead letter; the manager retries it", async () => {
    const id = (await send(runner, "test-flaky"))!;
    const failed = await eventually(async () => {
      const j = await runner.boss.getJobById("test-flaky", id);
      return j?.state === "failed" ? j : null;
    });
    expect(attempts).toBe(2);
    expect(failed.output).toMatchObject({ message: "carrier API refused (attempt 2)" });
    expect(await runner.boss.getQueueSize(deadLetterQueue("test-flaky"))).toBe(1);

    const { actor: manager } = await makeUser({ role: "super_admin" });
    const overview = await getJobsOverview(manager);
    expect(overview.kinds.find((k) => k.kind === "test-flaky")).toMatchObject({ counts: { failed: 1, queued: 0 }, deadLetters: 1 });
    expect(overview.kinds.find((k) => k.kind === "test-echo")).toMatchObject({ counts: { completed: 1, failed: 0 } });
    expect(overview.errors).toEqual([expect.objectContaining({ kind: "test-flaky", id, state: "failed", message: "carrier API refused (attempt 2)", attempts: 2 })]);

    await expect(cancelJob(manager, { kind: "test-flaky", id })).rejects.toMatchObject({ status: 409 });
    await expect(retryJob(manager, { kind: "test-flaky", id })).resolves.toEqual({ kind: "test-flaky", id });
    await eventually(async () => attempts === 3 && (await runner.boss.getJobById("test-flaky", id))?.state === "failed");
    await expect(retryJob(manager, { kind: "test-flaky", id: "8d6c54a6-9a3c-4a43-9c55-1f1e0d6c2b11" })).rejects.toMatchObject({ status: 404 });
    await expect(retryJob(manager, { kind: "test-flaky", id: "not-a-uuid" })).rejects.toMatchObject({ status: 400 });
  });

  it("lets the manager cancel a job waiting to run", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const id = (await runner.boss.send("test-echo", { late: true }, { startAfter: 3600 }))!;
    await expect(cancelJob(manager, { kind: "test-echo", id })).resolves.toEqual({ kind: "test-echo", id });
    expect((await runner.boss.getJobById("test-echo", id))?.state).toBe("cancelled");
    await expect(retryJob(manager, { kind: "test-echo", id })).rejects.toMatchObject({ status: 409 });
  });

  it("keeps pg-boss's tables out of the migration check: its own schema, which check-live ignores", async () => {
    const { rows } = await runner.boss.getDb().executeSql(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1`, [schema]);
    expect(rows[0].n).toBeGreaterThan(3);
    const r = spawnSync("node", ["scripts/migrate.mjs", "check-live"], { env: process.env, encoding: "utf8" });
    expect(r.stdout).toContain("migrations equal the schema");
    expect(r.status).toBe(0);
  });

  it("refuses the Jobs page and its actions to a rep with 404", async () => {
    const { actor: rep } = await makeUser();
    await expect(getJobsOverview(rep)).rejects.toMatchObject({ status: 404 });
    await expect(retryJob(rep, { kind: "test-flaky", id: "8d6c54a6-9a3c-4a43-9c55-1f1e0d6c2b11" })).rejects.toMatchObject({ status: 404 });
    await expect(cancelJob(rep, { kind: "test-echo", id: "8d6c54a6-9a3c-4a43-9c55-1f1e0d6c2b11" })).rejects.toMatchObject({ status: 404 });
  });

  it("stopping lets the running job finish", async () => {
    const id = (await send(runner, "test-slow"))!;
    await slowStarted;
    let stopped = false;
    const stopping = stopJobRunner({ timeoutMs: 30_000 }).then(() => (stopped = true));
    // The stop waits for the handler, however long it takes (up to the timeout).
    await runner.boss.getJobById("test-slow", id);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await runner.boss.getJobById("test-slow", id))?.state).toBe("completed");
  });
});

describe("two runners on one database", () => {
  const schema2 = testJobSchema();
  afterAll(() => dropJobSchema(schema2));

  it("run a scheduled job once per tick", async () => {
    // A daily schedule for the current minute (the next one when this one is nearly over), so
    // it is due exactly once while the test runs.
    let at = new Date();
    if (at.getUTCSeconds() > 40) {
      at = new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
      await new Promise((r) => setTimeout(r, at.getTime() - Date.now()));
    }
    const runs: string[] = [];
    const kinds: TRunnableJobKinds = { "test-tick": testKind(async (_data, ctx) => void runs.push(ctx.jobId), {}, { cron: `${at.getUTCMinutes()} ${at.getUTCHours()} * * *` }) };
    const options = { schema: schema2, kinds, pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1 };
    const [a, b] = [await createJobRunner(options), await createJobRunner(options)];
    try {
      await eventually(async () => runs.length > 0);
      // Both runners keep checking the clock; wait for three more checks past the run.
      const checks = async () => (await a.boss.getDb().executeSql(`SELECT cron_on FROM "${schema2}".version`, [])).rows[0].cron_on as Date;
      let last = await checks();
      for (let seen = 0; seen < 3; ) {
        const now = await checks();
        if (now.getTime() !== last.getTime()) {
          seen++;
          last = now;
        } else await new Promise((r) => setTimeout(r, 200));
      }
      expect(runs).toHaveLength(1);
      const { rows } = await a.boss.getDb().executeSql(`SELECT count(*)::int AS n FROM "${schema2}".job WHERE name = 'test-tick'`, []);
      expect(rows[0].n).toBe(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

describe("two runners starting at once on a new database", () => {
  const schema3 = testJobSchema();
  afterAll(() => dropJobSchema(schema3));

  it("both start, and the pool they share is left with no connection stuck in a failed transaction", async () => {
    // Two instances booting together: both find no pg-boss schema and both try to make it; the
    // second waits on pg-boss's advisory lock, then fails on "already exists", which pg-boss
    // ignores — on a connection whose transaction it opened and never ended.
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    const kinds: TRunnableJobKinds = { "test-boot": testKind(async () => undefined) };
    const started = await Promise.allSettled([1, 2].map(() => createJobRunner({ schema: schema3, kinds, pool })));
    try {
      expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : s.status))).toEqual(["fulfilled", "fulfilled"]);
      // Every connection of the pool still serves (an aborted one would refuse until ROLLBACK).
      const answers = await Promise.allSettled([1, 2, 3, 4].map(() => pool.query("SELECT 1 AS one")));
      expect(answers.map((a) => (a.status === "rejected" ? String(a.reason) : a.value.rows[0].one))).toEqual([1, 1, 1, 1]);
    } finally {
      await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop({ timeoutMs: 1000 }) : null)));
      await pool.end();
    }
  });
});

describe("an instance booting while the database is unreachable", () => {
  // The database the runner's pool points at does not exist until after the first try: to the
  // runner that is the same as PostgreSQL being down when the instance boots.
  const name = `pilot_crm_jr_boot_${process.pid}_${Date.now()}`;
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const admin = () => new pg.Client({ connectionString: process.env.DATABASE_URL });
  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });

  it("keeps trying, and runs once the database is back", async () => {
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    const kinds: TRunnableJobKinds = { "test-boot": testKind(async () => undefined) };
    const errors: string[] = [];
    let tries = 0;
    const runner = await keepStartingJobRunner({
      stopping: () => false,
      firstDelayMs: 50,
      start: async () => {
        tries++;
        try {
          return await createJobRunner({ schema: testJobSchema(), kinds, pool });
        } catch (err) {
          errors.push(String(err));
          // The outage ends after the first failed start.
          const c = admin();
          await c.connect();
          await c.query(`CREATE DATABASE "${name}"`);
          await c.end();
          throw err;
        }
      },
    });
    try {
      expect(errors).toEqual([expect.stringContaining("does not exist")]);
      expect(tries).toBe(2);
      expect(runner).not.toBeNull();
    } finally {
      await runner?.stop({ timeoutMs: 1000 });
      await pool.end();
    }
  });

  it("gives up once the process is stopping", async () => {
    let tries = 0;
    let stopping = false;
    const runner = await keepStartingJobRunner({
      stopping: () => stopping,
      firstDelayMs: 20,
      start: async () => {
        tries++;
        stopping = true; // SIGTERM arrives during the failed start
        throw new Error("connect ECONNREFUSED");
      },
    });
    expect(runner).toBeNull();
    expect(tries).toBe(1);
  });
});

it("registers the app's kinds with a handler, a retry policy and the schedules", () => {
  expect(Object.keys(JOB_KINDS).sort()).toEqual([
    "analytics-rollups-refresh",
    "email-deliver",
    "email-recover-stuck",
    "follow-up-digest",
    "follow-up-remind",
    "haul-reestimate",
    "import-run",
    "lead-auto-return",
    "lead-sla-alert",
    "lead-sla-escalate",
    "lead-sla-sweep",
    "lead-tallies-compact",
    "live-events-cleanup",
    "sequence-step",
    "text-deliver",
    "webhook-receipts-cleanup",
  ]);
  const runnable = runnableJobKinds();
  expect(Object.keys(runnable).sort()).toEqual(Object.keys(JOB_KINDS).sort());
  for (const kind of Object.values(runnable)) expect(kind.run).toEqual(expect.any(Function));
  expect(JOB_KINDS["webhook-receipts-cleanup"].schedule).toEqual({ cron: "17 3 * * *", tz: "UTC" });
  expect(JOB_KINDS["email-recover-stuck"].schedule?.cron).toBe("*/5 * * * *");
  expect(JOB_KINDS["live-events-cleanup"].schedule).toEqual({ cron: "41 * * * *", tz: "UTC" });
  expect(JOB_KINDS["lead-sla-sweep"].schedule?.cron).toBe("* * * * *");
  expect(JOB_KINDS["lead-sla-alert"].policy).toBe("short");
  expect(JOB_KINDS["haul-reestimate"].policy).toBe("short");
  expect(JOB_KINDS["follow-up-digest"].schedule?.cron).toBe("*/15 * * * *");
  expect(JOB_KINDS["analytics-rollups-refresh"].schedule?.cron).toBe("*/5 * * * *");
  expect(JOB_KINDS["lead-tallies-compact"].schedule?.cron).toBe("*/5 * * * *");
});
