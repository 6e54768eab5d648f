import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { jobSender, JOB_RETENTION } from "@/lib/jobs/job-boss";
import { deadLetterQueue, isDeadLetterQueue } from "@/lib/jobs/job-kinds";

export type TJobCounts = { queued: number; active: number; failed: number; completed: number; cancelled: number };
export type TJobKindOverview = { kind: string; description: string | null; schedule: string | null; counts: TJobCounts; deadLetters: number };
export type TJobError = { kind: string; id: string; state: "failed" | "retry"; message: string; at: string; attempts: number; retryLimit: number };
export type TJobsOverview = { kinds: TJobKindOverview[]; errors: TJobError[]; retention: typeof JOB_RETENTION };

const EMPTY: TJobCounts = { queued: 0, active: 0, failed: 0, completed: 0, cancelled: 0 };
// pg-boss's states as the page words them: "created" and "retry" both wait in the queue.
const COUNTED: Record<string, keyof TJobCounts> = { created: "queued", retry: "queued", active: "active", failed: "failed", completed: "completed", cancelled: "cancelled" };

/**
 * The Jobs page (manager only; anyone else gets 404): per kind, how many jobs wait, run, failed
 * and completed (completed ones stay 1 day, failed ones 30 days before pg-boss archives them),
 * the kind's dead letters, and the latest errors, newest first. Every queue in the database is
 * listed, also one whose kind this version no longer knows, so nothing fails out of sight.
 */
export async function getJobsOverview(actor: TActor): Promise<TJobsOverview> {
  assertCan(actor, "jobs.manage");
  const { boss, schema, kinds } = await jobSender();
  const sql = boss.getDb();
  const [queues, counts, errors, schedules] = [
    await sql.executeSql(`SELECT name FROM "${schema}".queue WHERE name NOT LIKE '\\_\\_pgboss%' ORDER BY name`, []),
    await sql.executeSql(`SELECT name, state::text AS state, count(*)::int AS n FROM "${schema}".job GROUP BY name, state`, []),
    await sql.executeSql(
      `SELECT id, name AS kind, state::text AS state, COALESCE(output->>'message', output->>'value', 'no message') AS message,
              COALESCE(completed_on, started_on, created_on) AS at, retry_count AS attempts, retry_limit AS "retryLimit"
         FROM "${schema}".job
        WHERE state IN ('failed', 'retry') AND name NOT LIKE '\\_\\_pgboss%'
        ORDER BY at DESC LIMIT 25`,
      [],
    ),
    await sql.executeSql(`SELECT name, cron, timezone FROM "${schema}".schedule`, []),
  ];
  const countsOf = new Map<string, TJobCounts>();
  for (const row of counts.rows as { name: string; state: string; n: number }[]) {
    const c = countsOf.get(row.name) ?? { ...EMPTY };
    const key = COUNTED[row.state];
    if (key) c[key] += row.n;
    countsOf.set(row.name, c);
  }
  const scheduleOf = new Map((schedules.rows as { name: string; cron: string; timezone: string | null }[]).map((s) => [s.name, `${s.cron} (${s.timezone ?? "UTC"})`]));
  const kindRows = (queues.rows as { name: string }[])
    .map((q) => q.name)
    .filter((name) => !isDeadLetterQueue(name))
    .map((name) => ({
      kind: name,
      description: kinds[name]?.description ?? null,
      schedule: scheduleOf.get(name) ?? null,
      counts: countsOf.get(name) ?? { ...EMPTY },
      deadLetters: countsOf.get(deadLetterQueue(name))?.queued ?? 0,
    }));
  return {
    kinds: kindRows,
    errors: (errors.rows as TJobError[]).map((e) => ({ ...e, at: new Date(e.at).toISOString(), attempts: e.attempts + 1 })),
    retention: JOB_RETENTION,
  };
}
