import pino from "pino";
import { currentRequestContext } from "@/lib/ops/request-context";

// The one logger: JSON lines on stdout (one object per event, ready for any log shipper). Only
// `npm run dev` shows them pretty, by piping the server's output through pino-pretty
// (scripts/dev.mjs), so production never loads a formatter. Every line written while a request is
// served carries its `reqId` (lib/ops/request-context.ts), the id echoed in `X-Request-Id`.
// Secrets never reach a log line: the redact paths below cover every place a credential can ride
// along (headers, bodies, config objects), and callers log ids, not payloads.
const REDACT = [
  "password",
  "*.password",
  "*.passwordHash",
  "*.password_hash",
  "*.token",
  "*.secret",
  "*.apiKey",
  "*.authorization",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
  'headers["webhook-signature"]',
  'headers["x-twilio-signature"]',
  'headers["x-twilio-email-event-webhook-signature"]',
  // HTTP clients' errors (SendGrid's, Twilio's) can carry the request they sent, API key included.
  "err.config.headers.Authorization",
  "err.config.headers.authorization",
  "err.request.headers.authorization",
];

function createLogger() {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { pid: process.pid },
    redact: { paths: REDACT, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const context = currentRequestContext();
      return context ? { reqId: context.reqId } : {};
    },
  };
  return pino(options);
}

const globalForLogger = globalThis as unknown as { pilotCrmLogger?: pino.Logger };

/** Shared across Next's module reloads in dev and with server.ts, like the database client. */
export const logger: pino.Logger = (globalForLogger.pilotCrmLogger ??= createLogger());
