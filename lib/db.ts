import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

// One client per process: Next's dev server re-evaluates modules on every change, so the client
// lives on globalThis or each reload would open a new pool.
// Keyed by URL so a benchmark can point DATABASE_URL at another database and measure there too.
type TDatabase = { prisma: PrismaClient; pool: pg.Pool };
const globalForDb = globalThis as unknown as { pilotCrmDatabases?: Map<string, TDatabase> };

function createClient(connectionString: string): TDatabase {
  // The pool is made here, not by the adapter, so the one hot path that skips Prisma's per-query
  // overhead (lead ingestion, see dbPool) shares Prisma's connections instead of opening more.
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    connectionTimeoutMillis: 5_000,
  });
  // An idle connection the server closes (restart, failover, a dropped test database) is reported
  // on the pool; unheard, that event would end the process. The next query opens a fresh one.
  pool.on("error", (err) => logger.warn({ err }, "idle database connection closed"));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return { prisma: new PrismaClient({ adapter }), pool };
}

function database(): TDatabase {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm run dev sets it for the embedded database)");
  const clients = (globalForDb.pilotCrmDatabases ??= new Map());
  let c = clients.get(url);
  // $disconnect() ends the pool; a later use starts afresh, as Prisma's own pool would.
  if (!c || c.pool.ended) clients.set(url, (c = createClient(url)));
  return c;
}

// Created on first use, not at import: `next build` imports every route without a database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = database().prisma;
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

/**
 * The pg pool under `db`, for a statement on a hot path where Prisma's per-query overhead is most
 * of the cost (one call per batch of lead webhooks). Everything else goes through `db`.
 */
export function dbPool(): pg.Pool {
  return database().pool;
}
