import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { can, type TAct, type TActor } from "@/lib/auth/permissions";

/** For pages: the signed-in actor, or a redirect to the login page. */
export async function requirePageActor(): Promise<TActor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For manager-only pages: a rep gets the same 404 as for a page that does not exist. */
export async function requirePagePermission(act: TAct): Promise<TActor> {
  const actor = await requirePageActor();
  if (!can(actor, act)) notFound();
  return actor;
}
