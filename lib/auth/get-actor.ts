import "server-only";
import { getToken } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { headers } from "next/headers";
import { AppError } from "@/lib/errors";
import { intSettingSql } from "@/lib/kernel/company-settings";
import type { TActor } from "@/lib/auth/permissions";
import { noteRequestUser } from "@/lib/ops/request-context";

const ZClaims = z.object({ uid: z.number().int(), sid: z.uuid() });

// The JWT alone is not trusted for authority: it names a server-side session (sid), and one
// statement checks that session (not revoked, within the idle and absolute lifetimes of the
// company settings) and its user (still active), marks it seen and returns the user as they are
// now. So a sign-out, a deactivation, a role change or a password change takes effect on the very
// next request, on pages, server actions and route handlers alike.
async function loadActor(claims: unknown): Promise<TActor | null> {
  const parsed = ZClaims.safeParse(claims);
  if (!parsed.success) return null;
  const { uid, sid } = parsed.data;
  const rows = await db.$queryRaw<TActor[]>`
    UPDATE user_sessions s SET last_seen_at = now()
    FROM users u
    WHERE s.id = ${sid}::uuid AND s.user_id = ${uid} AND u.id = s.user_id AND u.active
      AND s.revoked_at IS NULL
      AND s.last_seen_at > now() - make_interval(mins => ${intSettingSql("sessionIdleMinutes")})
      AND s.created_at > now() - make_interval(hours => ${intSettingSql("sessionAbsoluteHours")})
    RETURNING u.id, u.role::text AS role, u.name, u.email, u.must_change_password AS "mustChangePassword"`;
  const actor = rows[0] ?? null;
  if (actor) noteRequestUser(actor.id);
  return actor;
}

/** The signed-in user for pages and server actions, or null. */
export async function getActor(): Promise<TActor | null> {
  // getToken reads a request: this one's headers (its cookie header included) as a NextRequest,
  // one of the shapes next-auth accepts, so no cast. The URL is never read.
  const req = new NextRequest("http://localhost/", { headers: await headers() });
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  return loadActor(token);
}

/** The signed-in user for route handlers, read from the request's own cookie. */
export async function getActorFromRequest(req: NextRequest): Promise<TActor | null> {
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  return loadActor(token);
}

export async function requireActor(): Promise<TActor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHORIZED", "Please sign in again.");
  return actor;
}
