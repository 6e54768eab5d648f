import { startImportRun } from "@/lib/import/start-import-run";
import { actorRoute } from "@/lib/http/actor-route";
import { parseJsonObject, readRawBody } from "@/lib/http/read-body";
import { LEAD_ENDPOINT_BODY_LIMIT } from "@/lib/http/body-limits.mjs";

// POST /api/imports/[id]/start {kind, mapping, decisions, assignToId} — checks the whole file, then queues the job.
export const POST = actorRoute(async (actor, req, { id }) =>
  startImportRun(actor, { ...parseJsonObject(await readRawBody(req, LEAD_ENDPOINT_BODY_LIMIT)), runId: id } as never),
);
