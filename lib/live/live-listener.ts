import "server-only";
import pg from "pg";
import { logger } from "@/lib/logger";
import { onShutdown } from "@/lib/ops/shutdown";
import { LIVE_CHANNEL } from "@/lib/live/publish-live-event";
import { readLiveEvents, type TStoredLiveEvent } from "@/lib/live/read-live-events";

// One LISTEN connection per app instance, fanning out to the streams connected to it. A
// dedicated client, not a pool connection: a pooled connection goes back to the pool between
// queries and LISTEN belongs to the session. Each NOTIFY names an event id; ids that arrive
// together are read in one query (with their audience) and handed to every stream, which keeps
// what its user may see. After a lost connection it reconnects with backoff and catches up from
// the table, so an outage or a database restart loses nothing that committed.

export type TLiveSubscriber = {
  deliver: (events: TStoredLiveEvent[]) => void;
  /** Called every LIVE_HEARTBEAT_MS: the stream writes its keep-alive comment and ends when too old. */
  tick: (now: number) => void;
  close: () => void;
};

// Comments every 15 s keep proxies (and browsers) from closing a quiet stream.
export const LIVE_HEARTBEAT_MS = 15_000;

type THub = {
  subscribers: Set<TLiveSubscriber>;
  client: pg.Client | null;
  started: boolean;
  stopped: boolean;
  /** Highest id handed out, the catch-up point after a reconnect. */
  lastId: bigint | null;
  /** Ids handed out lately: a catch-up re-reads a little before lastId (commits finish out of id order). */
  recent: Set<bigint>;
  pending: Set<bigint>;
  flushing: boolean;
  retryMs: number;
  retryTimer: NodeJS.Timeout | null;
  heartbeat: NodeJS.Timeout | null;
};

const MIN_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;
const RECENT_IDS = 2_000;
// Transactions that took their id before lastId's but committed after it was handed out.
const CATCH_UP_OVERLAP = 200n;
const CATCH_UP_LIMIT = 1_000;

// On globalThis: Next's dev server re-evaluates modules, and one process must hold one listener.
const KEY = Symbol.for("pilot-crm.live-listener");
const globalForHub = globalThis as unknown as { [KEY]?: THub };
const hub: THub = (globalForHub[KEY] ??= {
  subscribers: new Set(),
  client: null,
  started: false,
  stopped: false,
  lastId: null,
  recent: new Set(),
  pending: new Set(),
  flushing: false,
  retryMs: MIN_RETRY_MS,
  retryTimer: null,
  heartbeat: null,
});

/** Adds a stream to this instance's fan-out (starting the listener on first use); returns its removal. */
export function subscribeLiveEvents(subscriber: TLiveSubscriber): () => void {
  hub.subscribers.add(subscriber);
  if (!hub.started) {
    hub.started = true;
    void connect();
  }
  // One timer per instance for every stream's keep-alive, not one per connection (this is the
  // transport's heartbeat, not background work: it exists only while streams are open).
  if (!hub.heartbeat && !hub.stopped) {
    hub.heartbeat = setInterval(() => {
      const now = Date.now();
      for (const s of [...hub.subscribers]) s.tick(now);
    }, LIVE_HEARTBEAT_MS);
    hub.heartbeat.unref();
  }
  return () => {
    hub.subscribers.delete(subscriber);
    if (hub.subscribers.size === 0 && hub.heartbeat) {
      clearInterval(hub.heartbeat);
      hub.heartbeat = null;
    }
  };
}

/** How many streams this instance serves (benchmarks, logs). */
export function liveSubscriberCount(): number {
  return hub.subscribers.size;
}

function dispatch(events: TStoredLiveEvent[]): void {
  const fresh = events.filter((e) => !hub.recent.has(e.id));
  if (!fresh.length) return;
  for (const e of fresh) {
    hub.recent.add(e.id);
    if (hub.lastId === null || e.id > hub.lastId) hub.lastId = e.id;
  }
  for (const id of hub.recent) {
    if (hub.recent.size <= RECENT_IDS) break;
    hub.recent.delete(id);
  }
  for (const s of hub.subscribers) {
    try {
      s.deliver(fresh);
    } catch (err) {
      logger.warn({ err }, "live stream delivery failed; closing that stream");
      s.close();
    }
  }
}

async function flush(): Promise<void> {
  if (hub.flushing) return;
  hub.flushing = true;
  try {
    while (hub.pending.size) {
      const ids = [...hub.pending];
      hub.pending.clear();
      dispatch(await readLiveEvents({ ids }));
    }
  } catch (err) {
    // The reconnect's catch-up delivers them if the database went away; otherwise they are lost
    // for this instance's screens until their next event (a reload shows the truth anyway).
    logger.error({ err }, "reading live events failed");
  } finally {
    hub.flushing = false;
  }
}

function onNotification(msg: pg.Notification): void {
  if (msg.channel !== LIVE_CHANNEL || !msg.payload) return;
  try {
    const { id } = JSON.parse(msg.payload) as { id?: unknown };
    if (typeof id !== "number" && typeof id !== "string") return;
    hub.pending.add(BigInt(id));
  } catch (err) {
    logger.warn({ err }, "unreadable live event notification");
    return;
  }
  void flush();
}

async function catchUp(client: pg.Client): Promise<void> {
  if (hub.lastId === null) {
    const { rows } = await client.query<{ id: string }>("SELECT coalesce(max(id), 0)::text AS id FROM live_events");
    hub.lastId = BigInt(rows[0].id);
    return;
  }
  const after = hub.lastId > CATCH_UP_OVERLAP ? hub.lastId - CATCH_UP_OVERLAP : 0n;
  dispatch(await readLiveEvents({ after, limit: CATCH_UP_LIMIT }));
}

function scheduleReconnect(): void {
  if (hub.stopped || hub.retryTimer) return;
  const wait = hub.retryMs + Math.floor(Math.random() * hub.retryMs * 0.2);
  hub.retryMs = Math.min(hub.retryMs * 2, MAX_RETRY_MS);
  hub.retryTimer = setTimeout(() => {
    hub.retryTimer = null;
    void connect();
  }, wait);
  hub.retryTimer.unref();
}

function drop(client: pg.Client): void {
  if (hub.client !== client) return;
  hub.client = null;
  client.removeAllListeners("notification");
  void client.end().catch(() => {});
  scheduleReconnect();
}

async function connect(): Promise<void> {
  if (hub.stopped || hub.client) return;
  const client = new pg.Client({
    connectionString: process.env.DATABASE_URL,
    application_name: "pilot-crm live listener",
    keepAlive: true,
    connectionTimeoutMillis: 5_000,
  });
  hub.client = client;
  client.on("notification", onNotification);
  client.on("error", (err) => {
    logger.warn({ err }, "live listener connection lost; reconnecting");
    drop(client);
  });
  client.on("end", () => drop(client));
  try {
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    await catchUp(client);
    hub.retryMs = MIN_RETRY_MS;
    logger.info({ channel: LIVE_CHANNEL }, "live listener connected");
  } catch (err) {
    logger.warn({ err }, "live listener could not connect; retrying");
    drop(client);
  }
}

/** Ends every stream and the LISTEN connection (shutdown's first phase, lib/ops/shutdown.ts). */
export async function stopLiveListener(): Promise<void> {
  hub.stopped = true;
  if (hub.retryTimer) clearTimeout(hub.retryTimer);
  if (hub.heartbeat) clearInterval(hub.heartbeat);
  for (const s of [...hub.subscribers]) s.close();
  const client = hub.client;
  hub.client = null;
  if (client) await client.end().catch(() => {});
}
onShutdown("streams", "live event listener", stopLiveListener);
