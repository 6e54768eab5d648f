import "server-only";
import retry from "async-retry";
import PgBoss from "pg-boss";
import type pg from "pg";
import { dbPool } from "@/lib/db";
import { isLockConflict } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { deadLetterQueue, JOB_KINDS, type TJobKind, type TJobKinds } from "@/lib/jobs/job-kinds";

// pg-boss, configured once for the app. It keeps its tables in their own schema (JOB_SCHEMA,
// default "pgboss"), which it creates and migrates itself at start; Prisma's migrations and
// `migrate.mjs check-live` look at "public" only.

const DAY = 24 * 60 * 60;

/** How long finished jobs stay visible on the Jobs page before pg-boss archives them. */
export const JOB_RETENTION = { completedSeconds: DAY, failedSeconds: 30 * DAY, archiveDays: 30 } as const;

export type TBossOptions = {
  schema?: string;
  /** A runner supervises (maintenance, expiry) and runs cron schedules; a sender only sends. */
  runner: boolean;
  pool?: pg.Pool;
  /** Test hooks: how often workers and the cron clock look (pg-boss's defaults otherwise). */
  pollingIntervalSeconds?: number;
  cronMonitorIntervalSeconds?: number;
};

export function jobSchema(): string {
  return process.env.JOB_SCHEMA?.trim() || "pgboss";
}

/**
 * JOB_CRON_CHECK_SECONDS (1–45, pg-boss's default 30): how often a runner looks at the cron
 * clock, so how late after its minute a schedule may fire. Lower costs a cheap query per runner
 * per check; the two-instance ops test uses 1 to see schedules fire without waiting.
 */
export function cronCheckSeconds(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const n = Number(env.JOB_CRON_CHECK_SECONDS);
  return env.JOB_CRON_CHECK_SECONDS && Number.isInteger(n) && n >= 1 && n <= 45 ? n : undefined;
}

export function createBoss(options: TBossOptions): PgBoss {
  // The app's own pool, not a second one: one connection budget per process, one pool to close
  // at shutdown, and the embedded database (one connection per process) works unchanged.
  const cronSeconds = options.cronMonitorIntervalSeconds ?? cronCheckSeconds();
  const pool = () => options.pool ?? dbPool();
  const db = {
    executeSql: async (text: string, values: unknown[] = []) => {
      if (!/^\s*BEGIN\s*;/i.test(text)) return pool().query(text, values);
      // pg-boss makes and migrates its schema in one text, "BEGIN; …; COMMIT;", under an
      // advisory lock. When a statement fails (an instance that lost the race to make it), the
      // server keeps that connection in the failed transaction: roll it back before the pool
      // hands it to anyone else.
      const client = await pool().connect();
      try {
        return await client.query(text, values);
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
  };
  const boss = new PgBoss({
    db,
    schema: options.schema ?? jobSchema(),
    supervise: options.runner,
    schedule: options.runner,
    archiveCompletedAfterSeconds: JOB_RETENTION.completedSeconds,
    archiveFailedAfterSeconds: JOB_RETENTION.failedSeconds,
    deleteAfterDays: JOB_RETENTION.archiveDays,
    ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
    ...(cronSeconds ? { cronMonitorIntervalSeconds: cronSeconds, cronWorkerIntervalSeconds: cronSeconds } : {}),
  });
  boss.on("error", (err) => logger.error({ err }, "job runner error"));
  return boss;
}

function queueOptions(kind: TJobKind, deadLetter: string): PgBoss.Queue {
  return { name: "", policy: kind.policy ?? "standard", ...kind.retry(), expireInSeconds: kind.expireInSeconds, deadLetter };
}

/**
 * Makes (or brings up to date) each kind's queue and its dead-letter queue. pg-boss drops a job
 * sent to a queue that does not exist, so every process that sends does this once at start.
 * Processes that start together (N instances; or one instance's job runner and its first
 * webhook's sender) make the same queues at the same moment, and pg-boss's create_queue() (a row
 * in its queue table, then a partition of its job table) deadlocks between them: two of three
 * failed on every try (tests/integration/job-queues.test.ts). So the one PostgreSQL picked as the
 * victim waits a moment and starts over, and finds made what the others have made meanwhile.
 */
export async function ensureQueues(boss: PgBoss, kinds: TJobKinds): Promise<void> {
  await retry(
    async (bail) => {
      try {
        await makeQueues(boss, kinds);
      } catch (err) {
        if (!isLockConflict(err)) bail(err as Error);
        else throw err;
      }
    },
    { retries: 8, minTimeout: 100, maxTimeout: 2000, randomize: true },
  );
}

async function makeQueues(boss: PgBoss, kinds: TJobKinds): Promise<void> {
  // Making a queue is DDL (a partition with its indexes); one that exists is only brought up to date.
  const made = new Set((await boss.getQueues()).map((q) => q.name));
  for (const [name, kind] of Object.entries(kinds)) {
    const dead = deadLetterQueue(name);
    if (!made.has(dead)) await boss.createQueue(dead, { name: dead, policy: "standard" });
    const options = { ...queueOptions(kind, dead), name };
    if (!made.has(name)) await boss.createQueue(name, options);
    await boss.updateQueue(name, options);
  }
}

export type TSender = { boss: PgBoss; schema: string; kinds: TJobKinds; senderOnly: boolean };
const globalForJobs = globalThis as unknown as { pilotCrmJobSender?: Promise<TSender> | null };

/** The boss this process sends with: the running job runner's, or a sender-only one made on first use. */
export function jobSender(): Promise<TSender> {
  return (globalForJobs.pilotCrmJobSender ??= (async () => {
    const schema = jobSchema();
    const boss = createBoss({ schema, runner: false });
    await boss.start();
    await ensureQueues(boss, JOB_KINDS);
    return { boss, schema, kinds: JOB_KINDS as TJobKinds, senderOnly: true };
  })().catch((err) => {
    globalForJobs.pilotCrmJobSender = null;
    throw err;
  }));
}

/** The runner hands its boss over (or takes it back) so sends and the Jobs page use it. */
export async function setJobSender(sender: TSender | null): Promise<void> {
  const previous = globalForJobs.pilotCrmJobSender;
  globalForJobs.pilotCrmJobSender = sender ? Promise.resolve(sender) : null;
  const old = await previous?.catch(() => null);
  // A sender-only boss holds no timers or connections of its own; stopping it is bookkeeping.
  if (old?.senderOnly) await old.boss.stop({ graceful: false, close: false }).catch(() => {});
}
