import pino from "pino";

// The one logger: JSON lines on stdout (one object per event, ready for any log shipper).
// `npm run dev` sets LOG_PRETTY=1 for human-readable lines. Secrets never reach a log line:
// the redact paths below cover every place a credential can ride along (headers, bodies,
// config objects), and callers log ids, not payloads.
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
  'headers["webhook-signature"]',
  'headers["x-twilio-signature"]',
];

function createLogger() {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { pid: process.pid },
    redact: { paths: REDACT, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return pino(options);
}

const globalForLogger = globalThis as unknown as { pilotCrmLogger?: pino.Logger };

/** Shared across Next's module reloads in dev, like the database client. */
export const logger: pino.Logger = (globalForLogger.pilotCrmLogger ??= createLogger());
