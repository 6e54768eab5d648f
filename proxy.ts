import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { pageContentSecurityPolicy } from "@/lib/security/security-headers.mjs";
import { SERVER_ACTION_BODY_LIMIT } from "@/lib/http/body-limits.mjs";

// Next 16 calls this file `proxy.ts` (formerly `middleware.ts`). For every page it sets a fresh
// Content-Security-Policy nonce (Next reads it from the request's header and puts it on its
// scripts), and it sends anonymous visitors of /admin to the login page; every page, action and
// handler still authorizes for itself.
export async function proxy(req: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageContentSecurityPolicy(nonce);
  const withCsp = (res: NextResponse) => {
    res.headers.set("Content-Security-Policy", csp);
    return res;
  };

  // A server action over its limit: Next would refuse it too, but answers a fetch action with a
  // 500. A declared length over the limit gets an honest 413 here, before anything is read.
  if (req.method === "POST" && req.headers.has("next-action") && Number(req.headers.get("content-length")) > SERVER_ACTION_BODY_LIMIT) {
    return NextResponse.json(
      { error: { code: "PAYLOAD_TOO_LARGE", message: `The request is larger than ${SERVER_ACTION_BODY_LIMIT} bytes` } },
      { status: 413 },
    );
  }

  if (req.nextUrl.pathname.startsWith("/admin")) {
    const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      if (req.method !== "GET") {
        return NextResponse.json({ error: { code: "UNAUTHORIZED", message: "Sign in first" } }, { status: 401 });
      }
      const url = new URL("/login", req.url);
      url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
      return withCsp(NextResponse.redirect(url));
    }
  }

  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  return withCsp(NextResponse.next({ request: { headers } }));
}

export const config = {
  // Pages only: not the API (its own policy comes from next.config.mjs), not static files, and not
  // prefetches (their HTML is not executed, and a nonce must not be cached).
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
