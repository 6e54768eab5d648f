import "server-only";
import type pg from "pg";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import { onShutdown } from "@/lib/ops/shutdown";
import type { THaulEstimate } from "@/lib/haul/estimate-haul";

// Group commit for lead events. Under load most of an event's cost was per statement and per
// transaction, not per event: a round trip, a commit, and locks on some 35 tables and indexes.
// So each process sends its events through one queue: the first event of a quiet moment goes to
// the database at once; those that arrive while a batch is in the database leave together, as
// the next batch, in one statement and one transaction (ingest_lead_events() in
// prisma/migrations/20261202070000_ingest_indexed_lookups). One batch at a time per process, so
// a process's own batches never wait on each other's company locks.

export type TLeadEventParams = {
  webhook_id: string | null;
  body_sha256: string | null;
  source: string;
  payload: Record<string, unknown>;
  occurred_at: string;
  value: number | null;
  stated_value: number | null;
  states: string[];
  /** The event's haul estimate (a load plan's); the lead keeps its largest (apply_lead_haul()). */
  haul?: THaulEstimate | null;
};

export type TLeadEventRow = {
  lead_id: number;
  consolidated: boolean;
  status: string;
  replay_sha256: string | null;
  auto_assign: { enabled?: unknown } | null;
};

// Enough to carry everything that queues behind one batch at a few thousand events a second,
// and few enough that one transaction's company locks stay short.
export const MAX_LEAD_EVENT_BATCH = 50;

export type TLeadEventSettings = {
  windowMinutes: number;
  historyLimit: number;
  /**
   * How long an event may wait for its batch. Past that (the database is slow or stuck) it is
   * answered 503 with Retry-After before it reaches the database, instead of the queue growing
   * without end; the sender retries later.
   */
  maxWaitMs: number;
};

type TWaiting = { params: TLeadEventParams; settings: TLeadEventSettings; since: number; resolve: (row: TLeadEventRow) => void; reject: (err: unknown) => void };
type TQueue = { waiting: TWaiting[]; busy: boolean };

// Keyed by pool: a test or benchmark may point DATABASE_URL at another database (lib/db.ts).
const queues = new WeakMap<pg.Pool, TQueue>();
// The queues now being drained, so a shutdown can wait for their last batch to commit before the
// pools close (lib/ops/shutdown.ts); every event in them was accepted and its sender is waiting.
const draining = new Set<Promise<void>>();
onShutdown("work", "ingest group commit", () => Promise.all(draining));

/** Ingests one event in the next batch to `pool`; resolves with its own answer. */
export function submitLeadEvent(pool: pg.Pool, params: TLeadEventParams, settings: TLeadEventSettings): Promise<TLeadEventRow> {
  let queue = queues.get(pool);
  if (!queue) queues.set(pool, (queue = { waiting: [], busy: false }));
  const q = queue;
  return new Promise((resolve, reject) => {
    q.waiting.push({ params, settings, since: performance.now(), resolve, reject });
    if (!q.busy) {
      const done = drain(pool, q);
      draining.add(done);
      void done.finally(() => draining.delete(done));
    }
  });
}

async function drain(pool: pg.Pool, queue: TQueue): Promise<void> {
  queue.busy = true;
  try {
    while (queue.waiting.length) {
      const now = performance.now();
      const batch: TWaiting[] = [];
      while (queue.waiting.length && batch.length < MAX_LEAD_EVENT_BATCH) {
        const next = queue.waiting[0];
        // A batch shares its window and history settings (they only change with the environment).
        if (batch.length && (next.settings.windowMinutes !== batch[0].settings.windowMinutes || next.settings.historyLimit !== batch[0].settings.historyLimit)) break;
        queue.waiting.shift();
        if (now - next.since > next.settings.maxWaitMs) next.reject(new AppError("UNAVAILABLE", "Too many lead events are waiting for the database; try again shortly."));
        else batch.push(next);
      }
      if (batch.length) await runBatch(pool, batch);
    }
  } finally {
    queue.busy = false;
  }
}

async function runBatch(pool: pg.Pool, batch: TWaiting[]): Promise<void> {
  try {
    const rows = await ingestBatch(pool, batch);
    batch.forEach((w, i) => w.resolve(rows[i]));
  } catch (err) {
    // One event's error (or a deadlock with another process's batch) rolled back every event of
    // the batch. Each runs again alone, so only the failing one fails and the rest are kept.
    // With the database gone there is nothing to retry: every sender hears 503 now.
    if (batch.length === 1 || isDatabaseUnavailable(err)) {
      for (const w of batch) w.reject(err);
      return;
    }
    for (const [i, w] of batch.entries()) {
      try {
        w.resolve((await ingestBatch(pool, [w]))[0]);
      } catch (alone) {
        w.reject(alone);
        // Gone meanwhile: the rest would each wait out the connection timeout for the same answer.
        if (isDatabaseUnavailable(alone)) {
          for (const rest of batch.slice(i + 1)) rest.reject(alone);
          return;
        }
      }
    }
  }
}

async function ingestBatch(pool: pg.Pool, batch: TWaiting[]): Promise<TLeadEventRow[]> {
  // ingest_lead_events_live() also publishes lead.created / lead.converted for the batch's leads
  // (lib/live/), in this same statement and so in this same transaction.
  // Not a named (prepared) statement: the embedded database serves every connection from one
  // session, where a second connection preparing the same name fails.
  const { rows } = await pool.query<TLeadEventRow & { ord: number }>(
    "SELECT ord, lead_id, consolidated, status, replay_sha256, auto_assign FROM ingest_lead_events_live($1::jsonb, $2::int, $3::int)",
    [JSON.stringify(batch.map((w) => w.params)), batch[0].settings.windowMinutes, batch[0].settings.historyLimit],
  );
  if (rows.length !== batch.length) throw new Error(`ingest_lead_events answered ${rows.length} rows for ${batch.length} events`);
  const byOrd = new Array<TLeadEventRow>(batch.length);
  for (const row of rows) byOrd[row.ord - 1] = row;
  return byOrd;
}
