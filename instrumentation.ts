import type { Instrumentation } from "next";

// Next calls register() once when a server starts. The one background duty: emails a stopped
// server left queued are finished (lib/email/recover-stuck-email-messages.ts), shortly after
// start and every five minutes, in every process (the recovery is safe to run concurrently).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { recoverStuckEmailMessages } = await import("@/lib/email/recover-stuck-email-messages");
  const { logger } = await import("@/lib/logger");
  const run = () =>
    recoverStuckEmailMessages()
      .then(({ sent, failed }) => {
        if (sent || failed) logger.info({ sent, failed }, "email recovery: abandoned messages sent, interrupted ones marked failed");
      })
      .catch((err) => logger.error({ err }, "email recovery failed"));
  setTimeout(run, 30_000).unref();
  setInterval(run, 5 * 60_000).unref();
}

// Every error Next catches while rendering a page or running a handler or action, as one JSON
// line with its stack and the request's id (the logger adds it), never the request's headers.
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/logger");
  logger.error({ err, method: request.method, route: context.routePath, kind: context.routeType }, "request failed");
};
