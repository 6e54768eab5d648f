import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// Next 16 calls this file `proxy.ts` (formerly `middleware.ts`). It only sends anonymous visitors
// of /admin to the login page; every page, action and handler still authorizes for itself.
export async function proxy(req: NextRequest) {
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  if (req.method !== "GET") {
    return NextResponse.json({ error: { code: "UNAUTHORIZED", message: "Sign in first" } }, { status: 401 });
  }
  const url = new URL("/login", req.url);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/admin/:path*"] };
