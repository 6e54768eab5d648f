// npm run test:e2e — make a database, seed the demo, serve the production build, drive Chromium.
// Builds first when there is no build yet. E2E_PORT (default 3100) picks the port.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createTestDatabase } from "../tests/setup/test-database.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseUrl = `http://127.0.0.1:${port}`;
const database = await createTestDatabase("pilot_crm_e2e");
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  SEED_PASSWORD: "e2e-password-2026",
  NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
  NEXTAUTH_URL: baseUrl,
  E2E_BASE_URL: baseUrl,
  // Signs the webhooks the live-update test sends (tests/e2e/live-updates.e2e.test.ts).
  LEAD_WEBHOOK_SECRET: process.env.LEAD_WEBHOOK_SECRET ?? "whsec_ZTJlLWxpdmUtdXBkYXRlcy13ZWJob29rLXNlY3JldA==",
  NODE_ENV: "production",
  // One connection on the embedded fallback database, as `npm run dev` (scripts/dev.mjs says why).
  ...(database.embedded ? { DATABASE_POOL_MAX: "1" } : {}),
};
delete env.SENDGRID_API_KEY; // the browser tests run in outbox mode
for (const k of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "TWILIO_MESSAGING_SERVICE_SID"]) delete env[k]; // texts too

let server;
let exitCode = 1;
const run = (cmd, args) =>
  new Promise((resolve) => spawn(cmd, args, { stdio: "inherit", env }).on("exit", (code) => resolve(code ?? 1)));
try {
  if ((await run("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/seed.ts"])) !== 0) throw new Error("seed failed");
  if (!fs.existsSync(".next/BUILD_ID")) {
    const built = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit", env });
    if (built.status !== 0) throw new Error("build failed");
  }
  // The app's own server (server.ts, what `npm start` runs), as in production.
  server = spawn(process.execPath, ["--import", "tsx", "server.ts", "-p", String(port), "-H", "127.0.0.1"], { stdio: ["ignore", "inherit", "inherit"], env, detached: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error("server did not become healthy");
    await new Promise((r) => setTimeout(r, 500));
  }
  exitCode = await run("npx", ["--no-install", "jest", "-c", "jest.e2e.config.mjs", "--runInBand", ...process.argv.slice(2)]);
} catch (err) {
  console.error(err);
} finally {
  if (server) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
  }
  await database.drop();
}
process.exit(exitCode);
