import "server-only";
import type PgBoss from "pg-boss";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { jobSender } from "@/lib/jobs/job-boss";
import type { JOB_KINDS, TJobKindName } from "@/lib/jobs/job-kinds";

export type TSendJobOptions = {
  /**
   * Names what the job is about ("email-message:12"). On a `standard` queue it does not deduplicate
   * (handlers are idempotent instead); on a `short` one a second send while one waits is refused (null).
   */
  singletonKey?: string;
  /** Seconds from now, or a moment. */
  startAfter?: number | Date;
  /**
   * Queue the job inside this Prisma interactive transaction: the job row exists if and only if
   * the transaction commits, with the rows that need it. Make the sender ready first
   * (`await jobSender()`) outside the transaction: starting it takes other connections, which the
   * embedded database would hold until this transaction ends.
   */
  transaction?: Prisma.TransactionClient;
};

/** pg-boss's `db` option over a Prisma transaction: its SQL runs on the transaction's connection. */
function transactionDb(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}

/** A job's fields as its kind says: the data checked against the kind's schema, its retry policy. */
async function jobFields<K extends TJobKindName>(kind: K, data: z.input<(typeof JOB_KINDS)[K]["data"]>, options: TSendJobOptions) {
  const { boss, kinds } = await jobSender();
  const entry = kinds[kind];
  if (!entry) throw new Error(`unknown job kind ${kind}`);
  const fields = {
    ...entry.retry(),
    expireInSeconds: entry.expireInSeconds,
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
  };
  return { boss, data: entry.data.parse(data) as object, fields };
}

/**
 * Queues one job of a registered kind, with the kind's retry policy. The data is checked against
 * the kind's schema here, so a bad job is refused at the sender instead of failing on a runner.
 * Returns the job id (null when pg-boss refused it as a duplicate).
 */
export async function sendJob<K extends TJobKindName>(
  kind: K,
  data: z.input<(typeof JOB_KINDS)[K]["data"]>,
  options: TSendJobOptions = {},
): Promise<string | null> {
  const { boss, data: parsed, fields } = await jobFields(kind, data, options);
  return boss.send(kind, parsed, { ...fields, ...(options.transaction ? { db: transactionDb(options.transaction) } : {}) });
}

export type TJobToSend = { [K in TJobKindName]: { kind: K; data: z.input<(typeof JOB_KINDS)[K]["data"]>; options?: Omit<TSendJobOptions, "transaction"> } }[TJobKindName];

/**
 * Queues several jobs in one statement and one commit (pg-boss `insert`), each as sendJob would:
 * its kind's schema and retry policy, and on a `short` queue a duplicate of a waiting job skipped.
 * The ingest path queues a new lead's two SLA timers this way, one round trip instead of two.
 */
export async function sendJobs(jobs: TJobToSend[]): Promise<void> {
  const rows = await Promise.all(
    jobs.map(async (j) => {
      const { boss, data, fields } = await jobFields(j.kind, j.data as never, j.options ?? {});
      // insert() takes a moment or an ISO string, not send()'s seconds from now.
      const startAfter = typeof fields.startAfter === "number" ? new Date(Date.now() + fields.startAfter * 1000) : fields.startAfter;
      return { boss, row: { ...fields, startAfter, name: j.kind, data } };
    }),
  );
  if (rows.length) await rows[0].boss.insert(rows.map((r) => r.row));
}
