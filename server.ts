// The HTTP server of the app (`npm start`, and `npm run dev` with --dev): Next's request handler
// inside a plain Node server, for the two things `next start` does not give us:
// - one JSON log line per request: method, route, status, duration, user id and request id
//   (the proxy's X-Request-Id, or a new one), the id echoed in the answer;
// - a graceful shutdown on SIGTERM/SIGINT: first a drain (SHUTDOWN_DRAIN_MS) in which readiness
//   (/api/health) answers 503 while every request is still served, so a load balancer moves
//   traffic away; then stop accepting, answer every request already in (a webhook body still
//   arriving included), finish the work they started, stop the job runner and close the
//   database pools (lib/ops/shutdown.ts), and exit within 10 s.
// Usage: tsx server.ts [-p 3000] [-H 0.0.0.0] [--dev]
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { logger } from "@/lib/logger";
import { requestIdFrom, runWithRequestContext, type TRequestContext } from "@/lib/ops/request-context";
import { createRoutePattern } from "@/lib/ops/route-pattern";
import { beginShutdown, runShutdownHooks } from "@/lib/ops/shutdown";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    dev: { type: "boolean" },
  },
});
const dev = values.dev ?? false;
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? "0.0.0.0";
// Whole budget from SIGTERM to exit; orchestrators (Kubernetes, systemd) default to 10 s or more.
const SHUTDOWN_BUDGET_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 9_000);
// The drain: long enough for a balancer's health checks to see the 503 (or, without checks, for
// its idle upstream connections to time out: nginx's keepalive_timeout below this), at most a
// third of the budget so requests in flight, the running job and the pools keep theirs.
const drainSetting = Number(process.env.SHUTDOWN_DRAIN_MS ?? (dev ? 0 : 3_000));
const SHUTDOWN_DRAIN_MS = Math.min(Number.isFinite(drainSetting) && drainSetting > 0 ? drainSetting : 0, SHUTDOWN_BUDGET_MS / 3);
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
// A request never waits on the database for ever (lib/db.ts reads it; scripts leave it unset).
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "30000";

// A page or server action that found the database down (lib/auth/page-guard.ts,
// lib/action-client.ts) renders the friendly error page or form message, which Next would send
// as 200 or 500; it is a 503 with Retry-After, so proxies and monitors see an outage, not a bug.
// Node sends every head through writeHead, so this is the one place.
// While draining, every answer also says "Connection: close", decided when its head is written
// (not when the request came in), so no connection is handed back to a proxy's idle pool that
// this server will close under it when it stops accepting.
function adjustHead(res: http.ServerResponse, context: TRequestContext, draining: () => boolean) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (draining() && !res.headersSent) res.setHeader("Connection", "close");
    if (context.databaseUnavailable && (status === 200 || status === 500)) {
      res.setHeader("Retry-After", "5");
      res.setHeader("Cache-Control", "no-store");
      return writeHead(503, ...(typeof rest[0] === "string" ? rest.slice(1) : rest));
    }
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;
}

async function main() {
  const { default: next } = await import("next");
  const app = next({ dev, hostname, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();

  const routeOf = createRoutePattern(path.join(process.cwd(), ".next"));
  let inFlight = 0;
  let draining = false;
  let whenIdle: (() => void) | undefined;

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const context: TRequestContext = { reqId: requestIdFrom(req.headers["x-request-id"]) };
    req.headers["x-request-id"] = context.reqId;
    res.setHeader("X-Request-Id", context.reqId);
    adjustHead(res, context, () => draining);
    inFlight++;
    res.once("close", () => {
      inFlight--;
      const route = routeOf(req.url);
      const line = {
        method: req.method,
        route,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        userId: context.userId,
        reqId: context.reqId,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      const level = route.startsWith("/_next/") ? "debug" : res.statusCode >= 500 ? "error" : "info";
      logger[level](line, "request");
      if (draining && inFlight === 0) whenIdle?.();
    });
    void runWithRequestContext(context, () => handle(req, res));
  });
  if (dev) server.on("upgrade", app.getUpgradeHandler());
  // Above common load balancers' idle timeouts (60 s), so they close idle connections, not us.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  logger.info(
    { port, hostname, dev },
    `ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`,
  );

  async function shutdown(signal: string) {
    if (draining) return;
    draining = true;
    beginShutdown(Date.now() + SHUTDOWN_BUDGET_MS);
    const deadline = setTimeout(() => {
      logger.error({ inFlight }, "shutdown took too long; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_BUDGET_MS);
    deadline.unref();
    if (SHUTDOWN_DRAIN_MS > 0) {
      logger.info({ signal, drainMs: SHUTDOWN_DRAIN_MS, inFlight }, "draining: readiness answers 503, still serving");
      await new Promise((resolve) => setTimeout(resolve, SHUTDOWN_DRAIN_MS));
    }
    // Also closes idle keep-alive connections; those with a request in progress stay open.
    server.close();
    logger.info({ signal, inFlight }, "shutting down: no new connections, finishing requests in flight");
    if (inFlight > 0) await new Promise<void>((resolve) => (whenIdle = resolve));
    server.closeAllConnections();
    await runShutdownHooks();
    await app.close?.();
    logger.info("shutdown complete");
    process.exit(0);
  }
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  logger.fatal({ err }, "server failed to start");
  process.exit(1);
});
