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
// company settings) and its user (still active), and returns the user as they are now. So a
// sign-out, a deactivation, a role change or a password change takes effect on the very next
// request, on pages, server actions and route handlers alike.
//
// The same statement marks the session seen, but only when its last_seen_at is older than
// LAST_SEEN_RESOLUTION_SECONDS: a page load fans out into several requests (RSC, actions, the
// event stream), and rewriting the row on each one made every read a write (WAL, row locks and
// dead tuples on a hot table). The idle check is in minutes, so a mark up to a minute old changes
// an idle timeout by at most that minute. The check itself still runs on every request.
export const LAST_SEEN_RESOLUTION_SECONDS = 60;

async function loadActor(claims: unknown): Promise<TActor | null> {
  const parsed = ZClaims.safeParse(claims);
  if (!parsed.success) return null;
  const { uid, sid } = parsed.data;
  const rows = await db.$queryRaw<TActor[]>`
    WITH live AS (
      SELECT s.id AS sid, s.last_seen_at, u.id, u.role::text AS role, u.name, u.email, u.must_change_password AS "mustChangePassword"
      FROM user_sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = ${sid}::uuid AND s.user_id = ${uid} AND u.active
        AND s.revoked_at IS NULL
        AND s.last_seen_at > now() - make_interval(mins => ${intSettingSql("sessionIdleMinutes")})
        AND s.created_at > now() - make_interval(hours => ${intSettingSql("sessionAbsoluteHours")})
    ), seen AS (
      UPDATE user_sessions s SET last_seen_at = now()
      FROM live
      WHERE s.id = live.sid AND live.last_seen_at < now() - make_interval(secs => ${LAST_SEEN_RESOLUTION_SECONDS})
    )
    SELECT id, role, name, email, "mustChangePassword" FROM live`;
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
