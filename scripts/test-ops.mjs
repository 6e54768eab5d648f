// npm run test:ops — operations tests against the production build served by server.ts: request
// logs without secrets, graceful shutdown, database outages, two instances behind nginx, live
// updates across instances and a restart.
// Builds first when there is no build yet. OPS_TEST_PORT (default 3400) is the first of the eight
// ports its servers use; OPS_NGINX_PORT (default 8080) the load balancer's.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";

if (!fs.existsSync(".next/BUILD_ID")) {
  const built = spawnSync("npx", ["--no-install", "next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const jest = spawn(
  "npx",
  ["--no-install", "jest", "-c", "jest.ops.config.mjs", "--runInBand", ...process.argv.slice(2)],
  { stdio: "inherit" },
);
jest.on("exit", (code) => process.exit(code ?? 1));
