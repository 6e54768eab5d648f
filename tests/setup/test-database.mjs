// Makes a uniquely named database for one test run on TEST_DATABASE_URL's server and migrates it.
// Where no server answers (a laptop without PostgreSQL) it starts the embedded one instead.
import crypto from "node:crypto";
import pg from "pg";
import { spawn } from "node:child_process";

// Through the project's own CLI (npm run db:migrate), in a child process: the wasm schema engine
// leaves a timer behind that would hold jest's parent process open for ten seconds.
function deployMigrations(url) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/migrate.mjs", "deploy"], { env: { ...process.env, DATABASE_URL: url } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`migration failed: ${out}`))));
  });
}

const DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(prefix = "pilot_crm_test") {
  const serverUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_URL;
  if (await answers(serverUrl)) {
    const name = `${prefix}_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = withDatabase(serverUrl, name);
    await deployMigrations(url);
    return {
      url,
      embedded: false,
      async drop() {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  console.warn(`\nno PostgreSQL answers at ${serverUrl}: running on an embedded database (in memory)`);
  const embedded = await serveMemoryDatabase(54300 + Math.floor(Math.random() * 90));
  await deployMigrations(embedded.url);
  return { url: embedded.url, embedded: true, drop: embedded.stop };
}

/** tests/setup/serve-memory-database.mjs as a child process: resolves with its URL once it answers. */
function serveMemoryDatabase(port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["tests/setup/serve-memory-database.mjs", String(port)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const url = out.split("\n").find((line) => line.startsWith("postgresql://"));
      if (url)
        resolve({
          url,
          stop: () =>
            new Promise((done) => {
              child.once("exit", done);
              child.kill("SIGTERM");
            }),
        });
    });
    child.once("exit", (code) => reject(new Error(`the embedded test database exited (${code}) before it answered`)));
  });
}

/** True when PostgreSQL answers at TEST_DATABASE_URL (the default local server otherwise). */
export function serverAnswers() {
  return answers(process.env.TEST_DATABASE_URL ?? DEFAULT_URL);
}
