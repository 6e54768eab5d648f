import "server-only";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { cookies, headers } from "next/headers";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/auth/permissions";
import { noteRequestUser } from "@/lib/ops/request-context";

type TTokenClaims = { uid?: unknown; tv?: unknown };

// The JWT alone is not trusted for authority: the user is re-read so that a deactivation, a role
// change or a forced logout (token_version bump) takes effect on the very next request.
async function loadActor(claims: TTokenClaims | null | undefined): Promise<TActor | null> {
  if (!claims || typeof claims.uid !== "number") return null;
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    select: { id: true, role: true, name: true, email: true, active: true, tokenVersion: true },
  });
  if (!user || !user.active || user.tokenVersion !== claims.tv) return null;
  noteRequestUser(user.id);
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

/** The signed-in user for pages and server actions, or null. */
export async function getActor(): Promise<TActor | null> {
  const token = await getToken({
    req: { cookies: await cookies(), headers: await headers() } as never,
    secret: process.env.NEXTAUTH_SECRET,
  });
  return loadActor(token as TTokenClaims | null);
}

/** The signed-in user for route handlers, read from the request's own cookie. */
export async function getActorFromRequest(req: NextRequest): Promise<TActor | null> {
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  return loadActor(token as TTokenClaims | null);
}

export async function requireActor(): Promise<TActor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHORIZED", "Please sign in again.");
  return actor;
}
