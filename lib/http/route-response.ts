import { NextResponse } from "next/server";
import { toAppError, type AppError } from "@/lib/errors";
import { RateLimitedError } from "@/lib/security/rate-limited-error";

export function errorResponse(err: unknown, headers?: Record<string, string>): NextResponse {
  const e: AppError = toAppError(err);
  const extra: Record<string, string> =
    e instanceof RateLimitedError
      ? { "Retry-After": String(e.retryAfterSeconds) }
      : e.code === "UNAVAILABLE"
        ? { "Retry-After": "5" }
        : {};
  return NextResponse.json(
    { error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) } },
    { status: e.status, headers: { ...extra, ...headers } },
  );
}
