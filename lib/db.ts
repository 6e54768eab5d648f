import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process: Next's dev server re-evaluates modules on every change, so the client
// lives on globalThis or each reload would open a new pool.
const globalForDb = globalThis as unknown as { pilotCrmDb?: PrismaClient };

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set (npm run dev sets it for the embedded database)");
  }
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForDb.pilotCrmDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.pilotCrmDb = db;
