import crypto from "node:crypto";

// The secret in a rep's calendar feed URL. Calendar apps fetch the feed without a session, so the
// URL itself is the credential: 32 random bytes (256 bits), stored only as its SHA-256, so a copy
// of the database does not hand out working feed URLs.

/** 43 characters of base64url. */
export const CALENDAR_TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export function newCalendarToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashCalendarToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** The feed's path for a token (`GET /api/calendar/<token>.ics`). */
export function calendarFeedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}
