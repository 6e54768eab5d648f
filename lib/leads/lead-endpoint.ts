import "server-only";
import type { TActor } from "@/lib/auth/permissions";
import { actorRoute } from "@/lib/http/actor-route";
import { readBody } from "@/lib/http/read-body";
import type { TLeadSnapshot } from "@/lib/leads/lead-snapshot";

/**
 * A seed endpoint (`POST /admin/crm/<verb>/[id]`): JSON or form body, the lead id from the path,
 * one domain function, 200 with the lead. Origin check, session and error mapping are actorRoute's.
 */
export function leadEndpoint(run: (actor: TActor, input: Record<string, unknown>) => Promise<TLeadSnapshot>) {
  return actorRoute(async (actor, req, params) =>
    run(actor, { ...(await readBody(req)), lead_id: params.id }),
  );
}
