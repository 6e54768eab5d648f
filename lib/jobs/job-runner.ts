import "server-only";
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { createBoss, ensureQueues, jobSchema, setJobSender, type TBossOptions } from "@/lib/jobs/job-boss";
import { runnableJobKinds } from "@/lib/jobs/job-handlers";
import type { TRunnableJobKind, TRunnableJobKinds } from "@/lib/jobs/job-kinds";

// The job runner: one pg-boss instance that works every kind's queue and keeps the cron
// schedules. Started in every app instance (instrumentation.ts) unless JOB_RUNNER=off, and by
// `npm run worker`. Any number may run on one database: pg-boss fetches with SKIP LOCKED, so a
// job runs on one of them, and its cron lock turns each schedule tick into one job.

export type TJobRunnerOptions = Omit<TBossOptions, "runner"> & { kinds?: TRunnableJobKinds };
export type TJobRunner = { boss: PgBoss; schema: string; kinds: TRunnableJobKinds; stop: (options?: { timeoutMs?: number }) => Promise<void> };

/** Wraps a kind's handler: checks the data, runs it, and logs one JSON line per run. */
function handlerFor(name: string, kind: TRunnableJobKind) {
  return async ([job]: PgBoss.JobWithMetadata<unknown>[]) => {
    const started = performance.now();
    const context = { kind: name, jobId: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit };
    const line = { kind: name, jobId: job.id, attempt: job.retryCount + 1 };
    try {
      const result = await kind.run(kind.data.parse(job.data ?? {}), context);
      logger.info({ ...line, durationMs: Math.round(performance.now() - started), outcome: "completed" }, `job ${name} completed`);
      // pg-boss stores an object as the job's output; anything else is wrapped.
      return result && typeof result === "object" ? result : { result: result ?? null };
    } catch (err) {
      const outcome = job.retryCount < job.retryLimit ? "retry" : "failed";
      logger.warn({ ...line, durationMs: Math.round(performance.now() - started), outcome, err }, `job ${name} ${outcome === "retry" ? "failed, will retry" : "failed"}`);
      throw err;
    }
  };
}

/**
 * Starts pg-boss and makes the queues, again after a failure: instances booting together on a
 * new database race to make pg-boss's schema and queues (a deadlock, "already exists"), and the
 * loser's second look finds them made. A database still down after the tries is the caller's.
 */
async function startBoss(options: TBossOptions, kinds: TRunnableJobKinds, tries = 5): Promise<PgBoss> {
  for (let attempt = 1; ; attempt++) {
    const boss = createBoss(options);
    try {
      await boss.start();
      await ensureQueues(boss, kinds);
      return boss;
    } catch (err) {
      await boss.stop({ graceful: false, close: false, wait: true }).catch(() => {});
      if (attempt >= tries) throw err;
      logger.warn({ err, attempt }, "job runner start failed; trying again");
      await new Promise((r) => setTimeout(r, 200 * attempt + Math.random() * 300));
    }
  }
}

export async function createJobRunner(options: TJobRunnerOptions = {}): Promise<TJobRunner> {
  const kinds = options.kinds ?? runnableJobKinds();
  const schema = options.schema ?? jobSchema();
  const boss = await startBoss({ ...options, schema, runner: true }, kinds);
  for (const [name, kind] of Object.entries(kinds)) {
    // One job at a time per kind and instance: the work is small, and N instances give N at once.
    await boss.work(name, { includeMetadata: true, batchSize: 1 }, handlerFor(name, kind));
    if (kind.schedule) await boss.schedule(name, kind.schedule.cron, {}, { tz: kind.schedule.tz ?? "UTC", ...kind.retry() });
    else await boss.unschedule(name);
  }
  return {
    boss,
    schema,
    kinds,
    // Graceful: no new jobs are fetched, a running one may finish within the timeout; one still
    // running then is failed back to its queue ("pg-boss shut down while active") and retried.
    // The pool is the app's, closed by whoever owns it.
    stop: ({ timeoutMs = 8_000 } = {}) => boss.stop({ graceful: true, timeout: timeoutMs, close: false, wait: true }),
  };
}

const globalForRunner = globalThis as unknown as { pilotCrmJobRunner?: Promise<TJobRunner> | null };

/** True unless JOB_RUNNER=off (a web process that leaves the jobs to `npm run worker`). */
export function jobRunnerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.JOB_RUNNER?.trim().toLowerCase() !== "off";
}

/** Starts this process's runner once; later calls get the same one. */
export function startJobRunner(options: TJobRunnerOptions = {}): Promise<TJobRunner> {
  return (globalForRunner.pilotCrmJobRunner ??= (async () => {
    const runner = await createJobRunner(options);
    await setJobSender({ boss: runner.boss, schema: runner.schema, kinds: runner.kinds, senderOnly: false });
    logger.info({ schema: runner.schema, kinds: Object.keys(runner.kinds) }, "job runner started");
    return runner;
  })().catch((err) => {
    globalForRunner.pilotCrmJobRunner = null;
    throw err;
  }));
}

/** Stops this process's runner (graceful shutdown calls this before closing the pool). */
export async function stopJobRunner(options: { timeoutMs?: number } = {}): Promise<void> {
  const pending = globalForRunner.pilotCrmJobRunner;
  if (!pending) return;
  globalForRunner.pilotCrmJobRunner = null;
  const runner = await pending.catch(() => null);
  if (!runner) return;
  await setJobSender(null);
  await runner.stop(options);
  logger.info({ schema: runner.schema }, "job runner stopped");
}

/**
 * Starts the runner and, while the database is unreachable (an instance booting during an
 * outage), tries again with a growing pause (1 s doubling to `maxDelayMs`) until it starts or the
 * process begins to stop. Without this an instance that booted during an outage would serve
 * requests again once PostgreSQL returns but never run a job until restarted. A bounded retry of
 * one start, not a timer: the work itself is scheduled by pg-boss.
 */
export async function keepStartingJobRunner(options: {
  start?: () => Promise<TJobRunner>;
  stopping: () => boolean;
  maxDelayMs?: number;
  firstDelayMs?: number;
}): Promise<TJobRunner | null> {
  const start = options.start ?? (() => startJobRunner());
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  let delay = options.firstDelayMs ?? 1_000;
  for (let attempt = 1; ; attempt++) {
    if (options.stopping()) return null;
    try {
      return await start();
    } catch (err) {
      logger.error({ err, attempt, retryInMs: delay }, "job runner did not start; trying again");
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(maxDelayMs, delay * 2);
  }
}
