// Running PostgreSQL's own client tools (pg_dump, pg_restore) on a connection URL. The URL's parts
// go in PG* environment variables, never on the command line, where `ps` would show the password.
import { spawn } from "node:child_process";
import { parse } from "pg-connection-string";

export function pgEnv(url) {
  const c = parse(url);
  const env = { ...process.env };
  for (const key of ["PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGSSLMODE"]) delete env[key];
  if (c.host) env.PGHOST = c.host;
  if (c.port) env.PGPORT = String(c.port);
  if (c.user) env.PGUSER = c.user;
  if (c.password) env.PGPASSWORD = c.password;
  if (c.database) env.PGDATABASE = c.database;
  const sslmode = new URL(url).searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** Runs a PostgreSQL client tool against `url`; rejects with its stderr when it fails. */
export function runPgTool(tool, args, url) {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: pgEnv(url), stdio: ["ignore", "inherit", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (${code}): ${err.trim()}`)),
    );
  });
}

/** Names of the user tables, views and sequences in a database (empty: a fresh database). */
export const USER_RELATIONS_SQL = `
  SELECT n.nspname || '.' || c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')`;

/** A timestamped name in backups/ (gitignored), e.g. backups/pilot_crm-20261206T131500Z.dump. */
export function backupFileName(label, extension) {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `backups/${label}-${stamp}.${extension}`;
}
