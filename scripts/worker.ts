// npm run worker — the job runner as a process of its own (lib/jobs/job-runner.ts). For
// deployments that keep background work off the web processes (JOB_RUNNER=off there); running it
// beside runners inside the app is harmless too: pg-boss hands each job to one of them.
// SIGTERM/SIGINT: stop fetching, let the running job finish (8 s at most), close the pool, exit.
import { db } from "@/lib/db";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/job-runner";
import { logger } from "@/lib/logger";
import { resolveDatabaseUrl } from "./lib/database-url.mjs";

async function main() {
  if (!process.env.DATABASE_URL) {
    const url = resolveDatabaseUrl();
    if (!url) throw new Error("DATABASE_URL is not set and no embedded database is running (start one with `npm run dev`).");
    process.env.DATABASE_URL = url;
    // The embedded database wants one connection per process (scripts/dev.mjs says why).
    process.env.DATABASE_POOL_MAX ??= "1";
  }
  const runner = await startJobRunner();
  logger.info({ kinds: Object.keys(runner.kinds) }, "worker running; stop with Ctrl-C or SIGTERM");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    try {
      await stopJobRunner();
      await db.$disconnect();
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err) => {
  logger.error({ err }, "worker failed to start");
  process.exit(1);
});
