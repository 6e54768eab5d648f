// npm run test:e2e — make a database, seed the demo, serve the production build, drive Chromium.
// Builds first when there is no build yet, or it is older than its sources. E2E_PORT (default 3100) picks the first port.
//
// The whole suite runs as E2E_SHARDS (default 2) shards side by side, each with its own database,
// seed and server on its own port (E2E_PORT, E2E_PORT+1, ...), jest splitting the files between
// them (`--shard`); no shard sees another's writes. Measured on the 2-core CI machine: the 27
// files in about 18 minutes with two shards (the last CI with one took 1 967 s in all). A run
// given test files or jest options (`npm run test:e2e -- tests/e2e/x.e2e.test.ts`) is one shard
// unless E2E_SHARDS says otherwise.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureProductionBuild } from "./lib/ensure-build.mjs";
import { createTestDatabase, serverAnswers } from "../tests/setup/test-database.mjs";

const firstPort = Number(process.env.E2E_PORT ?? 3100);
const jestArgs = process.argv.slice(2);
// The embedded fallback database runs one query at a time: one shard there.
const shards = !(await serverAnswers()) ? 1 : Math.max(1, Number(process.env.E2E_SHARDS ?? (jestArgs.length > 0 ? 1 : 2)));
const LOGS = path.resolve("test-results");

function serverEnv(port, databaseUrl, embedded) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SEED_PASSWORD: "e2e-password-2026",
    NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
    NEXTAUTH_URL: baseUrl,
    E2E_BASE_URL: baseUrl,
    // Signs the webhooks the live-update test sends (tests/e2e/live-updates.e2e.test.ts).
    LEAD_WEBHOOK_SECRET: process.env.LEAD_WEBHOOK_SECRET ?? "whsec_ZTJlLWxpdmUtdXBkYXRlcy13ZWJob29rLXNlY3JldA==",
    NODE_ENV: "production",
    // One connection on the embedded fallback database, as `npm run dev` (scripts/dev.mjs says why).
    ...(embedded ? { DATABASE_POOL_MAX: "1" } : {}),
  };
  delete env.SENDGRID_API_KEY; // the browser tests run in outbox mode
  for (const k of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "TWILIO_MESSAGING_SERVICE_SID"]) delete env[k]; // texts too
  return env;
}

// Jest's failure lines from every shard, printed again last: CI shows only the end of the output,
// and a failed shard's server log tail would otherwise push them out of view.
const failures = [];
const FAILURE_LINE = /^\s*(FAIL |● |Tests: .*failed)/;

/** Runs `cmd`; with a label, each output line is prefixed so side-by-side shards stay readable. */
function run(cmd, args, env, label) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: label ? ["ignore", "pipe", "pipe"] : "inherit", env });
    if (label) {
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        let rest = "";
        from.on("data", (chunk) => {
          const lines = (rest + chunk).split("\n");
          rest = lines.pop();
          for (const line of lines) {
            to.write(`${label} ${line}\n`);
            if (FAILURE_LINE.test(line)) failures.push(`${label} ${line.trim()}`);
          }
        });
        from.on("end", () => rest && to.write(`${label} ${rest}\n`));
      }
    }
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** A failed shard's last server log lines, so CI output shows what the server saw. */
function printLogTail(index, label = "") {
  const file = path.join(LOGS, `e2e-server-${index}.log`);
  if (!fs.existsSync(file)) return;
  const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-150);
  console.error(`${label} last ${lines.length} lines of ${path.relative(process.cwd(), file)}:`);
  for (const line of lines) console.error(`${label} ${line}`);
}

async function runShard(index) {
  const port = firstPort + index - 1;
  const label = `[e2e ${index}/${shards}]`;
  const database = await createTestDatabase("pilot_crm_e2e");
  const env = serverEnv(port, database.url, database.embedded);
  let server;
  try {
    if ((await run("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/seed.ts"], env, label)) !== 0) throw new Error("seed failed");
    // The app's own server (server.ts, what `npm start` runs), as in production. Its request log
    // goes to a file per shard (test-results/e2e-server-N.log), read when a flow fails.
    fs.mkdirSync(LOGS, { recursive: true });
    const log = fs.openSync(path.join(LOGS, `e2e-server-${index}.log`), "w");
    server = spawn(process.execPath, ["--import", "tsx", "server.ts", "-p", String(port), "-H", "127.0.0.1"], { stdio: ["ignore", log, log], env, detached: true });
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${env.E2E_BASE_URL}/api/health`)).ok) break;
      } catch {}
      if (Date.now() > deadline) throw new Error("server did not become healthy");
      await new Promise((r) => setTimeout(r, 500));
    }
    const shard = shards > 1 ? [`--shard=${index}/${shards}`] : [];
    const code = await run("npx", ["--no-install", "jest", "-c", "jest.e2e.config.mjs", "--runInBand", ...shard, ...jestArgs], env, label);
    if (code !== 0) printLogTail(index, label);
    return code;
  } catch (err) {
    console.error(label, err);
    return 1;
  } finally {
    if (server) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {}
    }
    await database.drop();
  }
}

if (!ensureProductionBuild()) {
  console.error("build failed");
  process.exit(1);
}
const codes = await Promise.all(Array.from({ length: shards }, (_, i) => runShard(i + 1)));
if (failures.length > 0) {
  console.error(`\n== what failed (${failures.length} lines, repeated from above)`);
  for (const line of failures.slice(0, 60)) console.error(line);
}
process.exit(codes.find((c) => c !== 0) ?? 0);
