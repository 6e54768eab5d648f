// npm run db:backup [-- --out <file>] — a consistent snapshot of the database, restorable with
// npm run db:restore. With DATABASE_URL: `pg_dump -Fc` (custom format: compressed, restores
// selectively, any pg_restore of the same or a newer major version reads it). The file goes to
// backups/<database>-<UTC time>.dump unless --out names it.
// Without DATABASE_URL: the embedded database's data directory (.data/pglite) as a gzipped tar,
// taken by PGlite itself while `npm run dev` is stopped (Debian's pg_dump 15 refuses PGlite's
// PostgreSQL 18, and PGlite runs in one process only).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDir, embeddedUrlFile } from "./lib/database-url.mjs";
import { backupFileName, runPgTool } from "./lib/pg-tools.mjs";

const { values } = parseArgs({ options: { out: { type: "string" }, "data-dir": { type: "string" } } });

async function backupEmbedded() {
  if (fs.existsSync(embeddedUrlFile))
    throw new Error("the embedded database is running: stop `npm run dev` (or db:embedded) first");
  const dir = values["data-dir"] ?? path.join(dataDir, "pglite");
  if (!fs.existsSync(dir)) throw new Error(`no embedded database at ${dir}`);
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const db = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
  try {
    const out = values.out ?? backupFileName("pilot-crm-embedded", "tar.gz");
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer()));
    return out;
  } finally {
    await db.close();
  }
}

async function backupServer(url) {
  const out = values.out ?? backupFileName(new URL(url).pathname.slice(1) || "postgres", "dump");
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await runPgTool("pg_dump", ["--format=custom", "--file", out], url);
  return out;
}

try {
  const url = process.env.DATABASE_URL;
  const out = url ? await backupServer(url) : await backupEmbedded();
  console.log(`backup written: ${out} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
} catch (err) {
  console.error(`backup failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
