import type { Instrumentation } from "next";

// Next calls register() once when a server starts. Background work runs on the job runner
// (lib/jobs/job-runner.ts, pg-boss in PostgreSQL): started here in every app instance unless
// JOB_RUNNER=off, for deployments that run `npm run worker` instead. server.ts stops it on SIGTERM
// through the shutdown's "jobs" phase (lib/ops/shutdown.ts): after the last request is answered,
// before the pools close.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  // server.ts serves GET /api/events through this handler, outside Next's request pipeline.
  const { registerLiveNodeHandler } = await import("@/lib/live/node-live-stream");
  registerLiveNodeHandler();
  const { jobRunnerEnabled, keepStartingJobRunner, stopJobRunner } = await import("@/lib/jobs/job-runner");
  if (!jobRunnerEnabled()) return;
  const { onShutdown, shutdownTimeLeftMs, isShuttingDown } = await import("@/lib/ops/shutdown");
  // Up to 5 s for the running job, less when the drain and the requests in flight used the
  // budget: 1.5 s stay for closing the pools, so the process exits within its 10 s.
  onShutdown("jobs", "job runner", () =>
    stopJobRunner({ timeoutMs: Math.max(500, Math.min(5_000, shutdownTimeLeftMs() - 1_500)) }),
  );
  // Not awaited: the app serves while the runner starts; while the database is down it keeps
  // trying (each failure logged), so an instance booted during an outage runs jobs once it is back.
  void keepStartingJobRunner({ stopping: isShuttingDown });
}

// Every error Next catches while rendering a page or running a handler or action, as one JSON
// line with its stack and the request's id (the logger adds it), never the request's headers.
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/logger");
  logger.error({ err, method: request.method, route: context.routePath, kind: context.routeType }, "request failed");
};
