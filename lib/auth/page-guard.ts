import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { can, type TAct, type TActor } from "@/lib/auth/permissions";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import { noteDatabaseUnavailable } from "@/lib/ops/request-context";
import { UNAVAILABLE_DIGEST } from "@/lib/ops/unavailable-digest";

// Every admin page passes here first (app/admin/crm/layout.tsx), so a database outage is met
// here: the page is answered 503 with Retry-After (server.ts) and app/error.tsx says so kindly.
/** For pages open to anyone (login): the signed-in actor or null. */
export async function findPageActor(): Promise<TActor | null> {
  try {
    return await getActor();
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    noteDatabaseUnavailable();
    throw Object.assign(new AppError("UNAVAILABLE", "The database is unavailable; try again shortly."), { digest: UNAVAILABLE_DIGEST });
  }
}

export const ACCOUNT_PATH = "/admin/crm/account";

/**
 * For pages: the signed-in actor, or a redirect to the login page. Someone still on a password the
 * manager set is sent to My account (the one page that passes `passwordChangePage`).
 */
export async function requirePageActor(options: { passwordChangePage?: boolean } = {}): Promise<TActor> {
  const actor = await findPageActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && !options.passwordChangePage) redirect(ACCOUNT_PATH);
  return actor;
}

/** For manager-only pages: a rep gets the same 404 as for a page that does not exist. */
export async function requirePagePermission(act: TAct): Promise<TActor> {
  const actor = await requirePageActor();
  if (!can(actor, act)) notFound();
  return actor;
}
