// Known failures carry a code; entry points map the code to an HTTP status and show the message.
// Anything that is not an AppError is logged and replaced by a generic message (never a stack):
// lib/to-app-error.ts, apart because this file is also loaded in the browser (template preview).
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;
export type TIssue = { path: string; message: string };

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly issues?: TIssue[];

  constructor(code: TErrorCode, message: string, issues?: TIssue[]) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = issues;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Turns a zod error into our issue list: one entry per bad path, dotted ("company.name"). */
export function issuesFromZod(error: { issues: { path: PropertyKey[]; message: string }[] }): TIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

export function validationError(error: { issues: { path: PropertyKey[]; message: string }[] }): AppError {
  const issues = issuesFromZod(error);
  const first = issues[0];
  const message = first ? `Invalid input: ${first.path || "body"} — ${first.message}` : "Invalid input";
  return new AppError("BAD_REQUEST", message, issues);
}

// Network errors, PostgreSQL's connection-exception class (08…), shutdowns and restarts (57P0…),
// too many connections (53300) and a statement cancelled by statement_timeout (57014): the
// database is away or overwhelmed, and the same request will work later.
const CONNECTION_ERRORS = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH",
  "08000", "08001", "08003", "08004", "08006", "53300", "57014", "57P01", "57P02", "57P03",
]);
const CONNECTION_MESSAGES =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Can't reach database|statement timeout|not currently accepting connections/i;

/** True when the failure is the database being unreachable, which callers answer with 503. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const anyE = e as { code?: string; message?: string; cause?: unknown; name?: string };
    if (anyE.code && CONNECTION_ERRORS.has(anyE.code)) return true;
    if (anyE.name === "DriverAdapterError" && /ECONNREFUSED|connect|terminat|timeout/i.test(String(anyE.message)))
      return true;
    if (CONNECTION_MESSAGES.test(String(anyE.message))) return true;
    e = anyE.cause;
  }
  return false;
}

/**
 * True when PostgreSQL rolled the transaction back to break a deadlock (40P01) or a serialization
 * conflict (40001): the work may simply run again. Read through Prisma's wrappers as well.
 */
export function isLockConflict(err: unknown): boolean {
  const e = err as { code?: string; meta?: { code?: string }; cause?: { originalCode?: string }; message?: string };
  const codes = [e?.code, e?.meta?.code, e?.cause?.originalCode];
  return codes.includes("40P01") || codes.includes("40001") || /deadlock detected|could not serialize/i.test(e?.message ?? "");
}
