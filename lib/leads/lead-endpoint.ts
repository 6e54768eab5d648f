import "server-only";
import type { TActor } from "@/lib/auth/permissions";
import { actorRoute } from "@/lib/http/actor-route";
import { readBody } from "@/lib/http/read-body";
import type { TLeadSnapshot } from "@/lib/leads/lead-snapshot";

/** A lead command as an endpoint sees it: whatever the request carried, parsed by the command. */
type TLeadRequestHandler = {
  fromRequest(actor: TActor, input: Record<string, unknown>): Promise<TLeadSnapshot>;
};

/**
 * A seed endpoint (`POST /admin/crm/<verb>/[id]`): JSON or form body, the lead id from the path,
 * one domain command, 200 with the lead. Origin check, session and error mapping are actorRoute's.
 */
export function leadEndpoint(command: TLeadRequestHandler) {
  return actorRoute(async (actor, req, params) =>
    command.fromRequest(actor, { ...(await readBody(req)), lead_id: params.id }),
  );
}
