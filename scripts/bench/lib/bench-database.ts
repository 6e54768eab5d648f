// Databases for benchmarks on the local PostgreSQL (BENCH_SERVER_URL, default the CI server):
// `pilot_crm_bench_demo` (the demo seed) and `pilot_crm_bench_big` (demo + 100 000 leads and
// 1 000 000 actions). Made and seeded once, then reused by later runs (migrated to the current
// schema each time); --fresh remakes them. BENCH_DB_PREFIX renames them (default
// `pilot_crm_bench`), so two checkouts with different schemas on one server keep apart.
// `<prefix>_huge` (demo + the 10x seed: 1 000 000 leads, ~10 000 000 actions, skewed; about
// 15 min to make) only for benchmarks run with --huge or BENCH_HUGE=1 (`hugeRequested`).
import { spawnSync } from "node:child_process";
import pg from "pg";
import { ensureProductionBuild } from "../../lib/ensure-build.mjs";

const SERVER = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PREFIX = process.env.BENCH_DB_PREFIX ?? "pilot_crm_bench";

function urlFor(name: string) {
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return u.toString();
}

async function exists(name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  await c.end();
  return r.rowCount === 1;
}

async function leadCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query("SELECT count(*) AS n FROM sales_leads")).rows[0].n);
  } catch {
    return 0;
  } finally {
    await c.end();
  }
}

function sh(args: string[], env: Record<string, string>) {
  const r = spawnSync(args[0], args.slice(1), { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`failed: ${args.join(" ")}`);
}

type TSize = "demo" | "big" | "huge";
const WANT: Record<TSize, number> = { demo: 1, big: 100_000, huge: 1_000_000 };
const SEED_ARGS: Record<TSize, string[]> = {
  demo: [],
  big: ["--leads", "100000", "--actions", "1000000"],
  huge: ["--big=10"],
};

async function prepare(name: string, size: TSize, fresh: boolean): Promise<string> {
  const url = urlFor(name);
  const want = WANT[size];
  if (!fresh && (await exists(name)) && (await leadCount(url)) >= want) {
    sh(["node", "scripts/migrate.mjs", "deploy"], { DATABASE_URL: url });
    await settle(url);
    return url;
  }
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  sh(["node", "scripts/migrate.mjs", "deploy"], { DATABASE_URL: url });
  const seed = ["npx", "--no-install", "tsx", "--conditions=react-server", "scripts/seed.ts"];
  sh([...seed, ...SEED_ARGS[size]], { DATABASE_URL: url });
  await settle(url);
  return url;
}

/**
 * What autovacuum does on a live server, done before measuring (this machine runs with it off):
 * the visibility map the index-only scans rely on, after the seed or after a benchmark's writes.
 * With it unset (as the 10x seed left it until its commit was made synchronous: 8 of 5 539
 * company pages all-visible), the pool's count read the heap and the planner, trusting
 * relallvisible, chose a BitmapAnd of the states GIN instead: 85 ms for a count that is 3 ms
 * index-only. Cheap when nothing changed (VACUUM skips all-visible pages).
 */
async function settle(url: string) {
  await withClient(url, (c) => c.query("VACUUM"));
}

export async function prepareBenchDatabases(options: { fresh?: boolean } = {}) {
  const demo = await prepare(`${PREFIX}_demo`, "demo", !!options.fresh);
  const big = await prepare(`${PREFIX}_big`, "big", !!options.fresh);
  return { demo, big };
}

/** The demo database and the huge one (made on first use: about 15 minutes). */
export async function prepareHugeDatabase(options: { fresh?: boolean } = {}) {
  const demo = await prepare(`${PREFIX}_demo`, "demo", !!options.fresh);
  const huge = await prepare(`${PREFIX}_huge`, "huge", !!options.fresh);
  return { demo, huge };
}

/** A benchmark opts into the huge database with --huge or BENCH_HUGE=1. */
export function hugeRequested(args: string[]): boolean {
  return args.includes("--huge") || process.env.BENCH_HUGE === "1";
}

/** One connection to `url` for `fn`, closed after it whatever happens. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Points lib/db at `url` for what follows (lib/db keeps one client per URL). */
export function useDatabase(url: string) {
  process.env.DATABASE_URL = url;
}

/** A fresh benchmark database's schema, and the production build its server serves (made if missing or stale). */
export function migrateAndBuild(url: string) {
  const migrated = spawnSync(process.execPath, ["scripts/migrate.mjs", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`migration failed: ${migrated.stderr}`);
  if (!ensureProductionBuild()) throw new Error("next build failed");
}
