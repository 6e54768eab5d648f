// npm run db:restore -- <file> [--force] — puts a db:backup file back.
// With DATABASE_URL: pg_restore into that database, created when missing. It must be empty (no
// tables, views or sequences): restoring over live data is refused unless --force, which drops
// the backup's objects first (--clean) and leaves anything else in place. Ownership and grants
// are not restored (--no-owner --no-acl): the objects belong to DATABASE_URL's user, so a backup
// moves between servers with other role names.
// Without DATABASE_URL, a .tar.gz from the embedded database becomes .data/pglite again (with
// --force an existing one is kept aside as .data/pglite.replaced-<time>); `npm run dev` stopped.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { dataDir, embeddedUrlFile } from "./lib/database-url.mjs";
import { runPgTool, USER_RELATIONS_SQL } from "./lib/pg-tools.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: "boolean" }, "data-dir": { type: "string" } },
});
const file = positionals[0];

async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * pg-boss keeps its jobs in partitioned tables (one partition per queue), which `--clean` cannot
 * take apart: it drops a partition's primary key first, and PostgreSQL refuses to drop an inherited
 * constraint. When the backup holds the job schema (JOB_SCHEMA, default pgboss), --force drops the
 * live one whole instead, and the restore brings the backup's back.
 */
async function dropBackedUpJobSchema(url) {
  const schema = process.env.JOB_SCHEMA?.trim() || "pgboss";
  const list = spawnSync("pg_restore", ["--list", file], { encoding: "utf8" });
  if (list.status !== 0 || !list.stdout.split("\n").some((l) => / SCHEMA - (\S+) /.exec(l)?.[1] === schema)) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replaceAll('"', '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}

async function restoreServer(url) {
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(USER_RELATIONS_SQL).finally(() => client.end());
  if (rows.length && !values.force)
    throw new Error(
      `the database is not empty (${rows.length} tables, views or sequences, e.g. ${rows[0].name}); restore into an empty one, or pass --force to replace what the backup holds`,
    );
  const dbname = decodeURIComponent(new URL(url).pathname.slice(1));
  if (rows.length) await dropBackedUpJobSchema(url);
  await runPgTool(
    "pg_restore",
    [
      "--no-owner",
      "--no-acl",
      "--exit-on-error",
      ...(rows.length ? ["--clean", "--if-exists"] : []),
      "--dbname",
      dbname,
      file,
    ],
    url,
  );
}

async function restoreEmbedded() {
  if (fs.existsSync(embeddedUrlFile))
    throw new Error("the embedded database is running: stop `npm run dev` (or db:embedded) first");
  const dir = values["data-dir"] ?? path.join(dataDir, "pglite");
  if (fs.existsSync(dir) && fs.readdirSync(dir).length) {
    if (!values.force)
      throw new Error(`${dir} already holds a database; pass --force to keep it aside and restore`);
    const aside = `${dir}.replaced-${Date.now()}`;
    fs.renameSync(dir, aside);
    console.log(`kept the previous database at ${aside}`);
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const db = await PGlite.create({
    dataDir: dir,
    loadDataDir: new Blob([fs.readFileSync(file)]),
    extensions: { pg_trgm },
  });
  await db.close();
}

try {
  if (!file || !fs.existsSync(file)) throw new Error("usage: npm run db:restore -- <backup file> [--force]");
  const url = process.env.DATABASE_URL;
  if (url) await restoreServer(url);
  else await restoreEmbedded();
  console.log(`restored ${file}`);
} catch (err) {
  console.error(`restore failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
