import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getActorFromRequest } from "@/lib/auth/get-actor";
import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-response";

type TContext = { params: Promise<Record<string, string>> };

// Browsers always send Origin on cross-site POSTs; a foreign one is a CSRF attempt. Scripts that
// send no Origin authenticate with the cookie they obtained through the login flow.
function isForeignOrigin(req: NextRequest): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** A session-authenticated route handler: origin check, actor, error mapping, JSON answer. */
export function actorRoute(handler: (actor: TActor, req: NextRequest, params: Record<string, string>) => Promise<unknown>) {
  return async (req: NextRequest, ctx: TContext): Promise<NextResponse> => {
    try {
      if (req.method !== "GET" && isForeignOrigin(req)) throw new AppError("FORBIDDEN", "Cross-site request refused");
      const actor = await getActorFromRequest(req);
      if (!actor) throw new AppError("UNAUTHORIZED", "Sign in first");
      const result = await handler(actor, req, await ctx.params);
      return result instanceof NextResponse ? result : NextResponse.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}
