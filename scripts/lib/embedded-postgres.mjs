// The embedded default database: PGlite (PostgreSQL compiled to wasm) served over a local socket,
// so Next, Prisma and the scripts talk to it like any PostgreSQL. Used only without DATABASE_URL.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * Starts PGlite on `dataDir` (kept across restarts) and serves it on 127.0.0.1:`port`.
 * maxConnections > 1 lets every process keep a small pool: PGlite runs one query at a time and
 * holds other connections' queries while a transaction is open.
 */
export async function startEmbeddedPostgres({ dataDir, port = 54329, maxConnections = 20 }) {
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections });
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
