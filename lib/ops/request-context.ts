import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";

// What the server (server.ts) knows about the request it is serving, readable anywhere below it:
// the logger stamps every line with `reqId`, and getActor() records who the user is so the
// server's one line per request names them. One AsyncLocalStorage per process, on globalThis,
// because server.ts and Next's compiled bundle each load their own copy of this module.
export type TRequestContext = { reqId: string; userId?: number; databaseUnavailable?: boolean };

const KEY = Symbol.for("pilot-crm.request-context");
const globalForContext = globalThis as unknown as { [KEY]?: AsyncLocalStorage<TRequestContext> };
const storage: AsyncLocalStorage<TRequestContext> = (globalForContext[KEY] ??= new AsyncLocalStorage());

// A proxy's id is kept when it looks like an id (no spaces, no control characters, not huge):
// it is echoed in a response header and written to every log line.
const SAFE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The id a request is known by: the proxy's `X-Request-Id` when usable, a new UUID otherwise. */
export function requestIdFrom(header: string | string[] | undefined | null): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_REQUEST_ID.test(value) ? value : crypto.randomUUID();
}

export function runWithRequestContext<R>(context: TRequestContext, fn: () => R): R {
  return storage.run(context, fn);
}

export function currentRequestContext(): TRequestContext | undefined {
  return storage.getStore();
}

/** Called once the session is checked: the request's log line then names the user. */
export function noteRequestUser(userId: number): void {
  const context = storage.getStore();
  if (context) context.userId = userId;
}

/**
 * A page or a server action found the database unreachable: server.ts answers it 503 with
 * Retry-After (neither can set its own status) while app/error.tsx, or the action's form
 * message, says so kindly.
 */
export function noteDatabaseUnavailable(): void {
  const context = storage.getStore();
  if (context) context.databaseUnavailable = true;
}
