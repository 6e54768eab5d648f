// npm run test:ops — operations tests against the production build served by server.ts: request
// logs without secrets, graceful shutdown, database outages, two instances behind nginx, live
// updates across instances and a restart.
// Builds first when there is no build yet, or it is older than its sources. OPS_TEST_PORT (default 3400) is the first of the eight
// ports its servers use; OPS_NGINX_PORT (default 8080) the load balancer's.
import { spawn } from "node:child_process";
import { ensureProductionBuild } from "./lib/ensure-build.mjs";

if (!ensureProductionBuild()) process.exit(1);
const jest = spawn(
  "npx",
  ["--no-install", "jest", "-c", "jest.ops.config.mjs", "--runInBand", ...process.argv.slice(2)],
  { stdio: "inherit" },
);
jest.on("exit", (code) => process.exit(code ?? 1));
