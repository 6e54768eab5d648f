import "server-only";
import type http from "node:http";
import { NextRequest } from "next/server";
import { getActorFromRequest } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-response";
import { openLiveStream } from "@/lib/live/open-live-stream";
import { API_CONTENT_SECURITY_POLICY, staticSecurityHeaders } from "@/lib/security/security-headers.mjs";

// GET /api/events straight from server.ts's Node handler, outside Next's request pipeline. The
// stream is the same (openLiveStream, the same session check as every route handler); what this
// saves is what Next keeps per route-handler request for as long as its response streams, about
// two thirds of an idle stream's memory (npm run bench -- live). app/api/events/route.ts still
// serves it where server.ts does not run (next start, tests).

type TNodeHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
const KEY = Symbol.for("pilot-crm.live-node-handler");

/** The handler server.ts uses for the live stream, once this process registered it (instrumentation.ts). */
export function registerLiveNodeHandler(): void {
  (globalThis as unknown as { [KEY]?: TNodeHandler })[KEY] = serveLiveStream;
}

async function serveLiveStream(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const abort = new AbortController();
  res.once("close", () => abort.abort());
  let answer: Response;
  try {
    // A request of headers only, for the one session check every route handler makes; it is
    // dropped once the actor is known.
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const actor = await getActorFromRequest(new NextRequest(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { headers }));
    if (!actor) throw new AppError("UNAUTHORIZED", "Sign in first");
    answer = openLiveStream(actor, { lastEventId: headers.get("last-event-id"), signal: abort.signal });
  } catch (err) {
    answer = errorResponse(err);
  }
  for (const { key, value } of staticSecurityHeaders()) res.setHeader(key, value);
  res.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  res.flushHeaders();
  if (!answer.body) return void res.end();
  const reader = answer.body.getReader();
  abort.signal.addEventListener("abort", () => void reader.cancel().catch(() => {}));
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) res.write(r.value);
  } finally {
    res.end();
  }
}
