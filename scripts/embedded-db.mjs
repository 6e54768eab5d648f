// npm run db:embedded — serve the embedded database alone (for scripts, benchmarks, psql).
import fs from "node:fs";
import path from "node:path";
import { dataDir, embeddedUrlFile } from "./lib/database-url.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";

const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), port });
fs.writeFileSync(embeddedUrlFile, pg.url);
console.log(`embedded PostgreSQL at ${pg.url} (Ctrl+C to stop)`);
const stop = async () => {
  fs.rmSync(embeddedUrlFile, { force: true });
  await pg.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
