// Next calls register() once when a server starts. Background work runs on the job runner
// (lib/jobs/job-runner.ts, pg-boss in PostgreSQL): started here in every app instance unless
// JOB_RUNNER=off, for deployments that run `npm run worker` instead. Stopping it belongs to the
// graceful shutdown (stopJobRunner).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { jobRunnerEnabled, startJobRunner } = await import("@/lib/jobs/job-runner");
  if (!jobRunnerEnabled()) return;
  const { logger } = await import("@/lib/logger");
  // Not awaited: the app serves while the runner starts; a failure is logged, never fatal.
  startJobRunner().catch((err) => logger.error({ err }, "job runner did not start"));
}
