import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { can, type TAct, type TActor } from "@/lib/auth/permissions";

export const ACCOUNT_PATH = "/admin/crm/account";

/**
 * For pages: the signed-in actor, or a redirect to the login page. Someone still on a password the
 * manager set is sent to My account (the one page that passes `passwordChangePage`).
 */
export async function requirePageActor(options: { passwordChangePage?: boolean } = {}): Promise<TActor> {
  const actor = await getActor();
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
