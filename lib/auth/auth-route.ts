import "server-only";
import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { consumeLoginAttempt } from "@/lib/auth/login-throttle";
import { clientIp } from "@/lib/security/client-ip";
import { RateLimitedError } from "@/lib/security/rate-limited-error";
import { errorResponse } from "@/lib/http/route-response";
import { parseJsonObject, readRawBody } from "@/lib/http/read-body";
import { AUTH_BODY_LIMIT } from "@/lib/http/body-limits.mjs";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";

type TContext = { params: Promise<{ nextauth?: string[] }> };

// next-auth 4's App Router handler reads the request through next/headers; its request/response
// form (the one it offers for API routes) takes the request as data instead. Driving that form
// from the NextRequest lets this route count sign-in attempts before next-auth sees them and
// keeps the whole flow callable, and testable, as a plain function of the request.
class CollectedResponse {
  private code = 200;
  private readonly headers = new Map<string, string | string[]>();
  private body: string | null = null;
  status(code: number) {
    this.code = code;
    return this;
  }
  setHeader(name: string, value: string | string[]) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  end() {
    return this;
  }
  json(value: unknown) {
    this.setHeader("content-type", "application/json");
    this.body = JSON.stringify(value);
    return this;
  }
  send(value: unknown) {
    if (value !== null && typeof value === "object") return this.json(value);
    this.body = value === undefined || value === null ? null : String(value);
    return this;
  }
  toResponse(): Response {
    const headers = new Headers();
    for (const [name, value] of this.headers) for (const v of [value].flat()) headers.append(name, v);
    return new Response(this.body, { status: this.code, headers });
  }
}

async function readAuthBody(req: NextRequest): Promise<Record<string, string> | undefined> {
  if (req.method !== "POST") return undefined;
  const text = await readRawBody(req, AUTH_BODY_LIMIT);
  if ((req.headers.get("content-type") ?? "").includes("application/json")) return parseJsonObject(text) as Record<string, string>;
  return Object.fromEntries(new URLSearchParams(text));
}

async function handle(req: NextRequest, ctx: TContext): Promise<Response> {
  try {
    const nextauth = (await ctx.params).nextauth ?? [];
    const body = await readAuthBody(req);
    if (req.method === "POST" && nextauth[0] === "callback" && nextauth[1] === "credentials") {
      const email = String(body?.email ?? "");
      const ip = clientIp(req.headers);
      try {
        await consumeLoginAttempt(email, ip);
      } catch (err) {
        if (err instanceof RateLimitedError)
          await recordAudit(db, { actor: null, action: "auth.locked_out", after: { email: email.slice(0, 200) }, ip });
        throw err;
      }
    }
    const res = new CollectedResponse();
    const apiReq = {
      method: req.method,
      headers: Object.fromEntries(req.headers),
      cookies: Object.fromEntries(req.cookies.getAll().map((c) => [c.name, c.value])),
      query: { ...Object.fromEntries(req.nextUrl.searchParams), nextauth },
      body,
    };
    await NextAuth(apiReq as never, res as never, authOptions);
    return res.toResponse();
  } catch (err) {
    if (err instanceof RateLimitedError) {
      // next-auth's signIn() reads `url` and takes its `error` parameter: the login form shows it.
      const url = new URL(`/login?error=RateLimited`, req.nextUrl.origin).toString();
      return NextResponse.json(
        { url, error: { code: err.code, message: err.message } },
        { status: 429, headers: { "Retry-After": String(err.retryAfterSeconds) } },
      );
    }
    return errorResponse(err);
  }
}

/** GET and POST of app/api/auth/[...nextauth]. */
export const authRoute = { GET: handle, POST: handle };
