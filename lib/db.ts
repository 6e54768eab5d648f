import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process: Next's dev server re-evaluates modules on every change, so the client
// lives on globalThis or each reload would open a new pool.
// Keyed by URL so a benchmark can point DATABASE_URL at another database and measure there too.
const globalForDb = globalThis as unknown as { pilotCrmDb?: Map<string, PrismaClient> };

function createClient(connectionString: string) {
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

function client(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm run dev sets it for the embedded database)");
  const clients = (globalForDb.pilotCrmDb ??= new Map());
  let c = clients.get(url);
  if (!c) clients.set(url, (c = createClient(url)));
  return c;
}

// Created on first use, not at import: `next build` imports every route without a database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});
