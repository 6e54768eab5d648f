// npm run dev — one command to a working CRM.
// Without DATABASE_URL: start the embedded PostgreSQL (data in .data/), migrate, seed the demo on
// first run, then start Next. With DATABASE_URL: migrate that database, seed only when asked
// (SEED_DEMO=1), then start Next.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import pinoPretty from "pino-pretty";
import { dataDir, embeddedUrlFile } from "./lib/database-url.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { deployMigrations } from "./lib/schema-engine.mjs";

const port = Number(process.env.PORT ?? 3000);
const env = { ...process.env };
let embedded = null;
fs.mkdirSync(dataDir, { recursive: true });

if (!env.DATABASE_URL) {
  embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), port: Number(env.EMBEDDED_DB_PORT ?? 54329) });
  env.DATABASE_URL = embedded.url;
  fs.writeFileSync(embeddedUrlFile, embedded.url);
  // A dev-only demo password, so the embedded demo logs in without configuration.
  env.SEED_PASSWORD ??= "pilot-demo-2026";
  // One connection: PGlite runs one query at a time anyway, and its socket server multiplexes
  // connections so loosely that two connections' extended-protocol messages can interleave
  // ("unnamed prepared statement does not exist" under concurrent page loads).
  env.DATABASE_POOL_MAX ??= "1";
}
if (!env.NEXTAUTH_SECRET) {
  // Kept in .data so sessions survive a restart of the dev server.
  const secretFile = path.join(dataDir, "nextauth-secret");
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(32).toString("base64url"));
  env.NEXTAUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
}
env.NEXTAUTH_URL ??= `http://localhost:${port}`;
let generatedWebhookSecret = null;
if (!env.LEAD_WEBHOOK_SECRET) {
  // A dev-only lead-webhook secret, kept in .data so `npm run simulate` signs with the same one.
  const secretFile = path.join(dataDir, "lead-webhook-secret");
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, `whsec_${crypto.randomBytes(24).toString("base64")}`);
  env.LEAD_WEBHOOK_SECRET = generatedWebhookSecret = fs.readFileSync(secretFile, "utf8").trim();
}

const applied = await deployMigrations(env.DATABASE_URL);
console.log(applied.length ? `migrations applied: ${applied.join(", ")}` : "database schema is up to date");

const client = new pg.Client({ connectionString: env.DATABASE_URL });
await client.connect();
const { rows } = await client.query("SELECT count(*)::int AS n FROM users");
await client.end();
if ((embedded && rows[0].n === 0) || env.SEED_DEMO === "1") {
  console.log("seeding demo data…");
  // Asynchronous on purpose: the embedded database is served from this very process.
  const seed = spawn("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/seed.ts"], { stdio: "inherit", env });
  const code = await new Promise((resolve) => seed.on("exit", resolve));
  if (code !== 0) process.exit(code ?? 1);
}

// The app's own server (server.ts) in dev mode, so dev logs what production logs; its JSON lines
// are shown pretty here, and only here (production writes JSON for a log shipper).
// Its own process group, so stopping this script stops the server and everything under it.
const next = spawn(process.execPath, ["--import", "tsx", "server.ts", "--dev", "-p", String(port)], {
  stdio: ["inherit", "pipe", "inherit"],
  env,
  detached: true,
});
next.stdout.pipe(
  pinoPretty({
    colorize: process.stdout.isTTY,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,method,route,status,ms",
    // A request reads as one line: "GET /admin/crm/lead/[id] 200 34.5 ms".
    messageFormat: (log, key) => (log.msg === "request" ? `${log.method} ${log.route} ${log.status} ${log.ms} ms` : String(log[key])),
  }),
);
setTimeout(() => {
  console.log(`\n  Pilot CRM: http://localhost:${port}/login`);
  if (embedded) {
    console.log(`  Embedded database: ${embedded.url} (data in .data/pglite)`);
    console.log(`  Demo logins (password ${env.SEED_PASSWORD}):`);
    console.log("    reps:    alex|sarah|mike|jessica|david@pilot-crm.test");
    console.log("    manager: manager@pilot-crm.test\n");
  }
  if (generatedWebhookSecret) {
    console.log(`  Lead webhook secret (dev, in .data/lead-webhook-secret): ${generatedWebhookSecret}`);
    console.log("  Simulate free-tool traffic: npm run simulate -- --events 200 --rate 20\n");
  }
}, 1500);

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  try {
    process.kill(-next.pid, "SIGTERM");
  } catch {
    // already gone
  }
  if (embedded) {
    fs.rmSync(embeddedUrlFile, { force: true });
    await embedded.stop();
  }
  process.exit(code ?? 0);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
next.on("exit", (code) => shutdown(code ?? 0));
