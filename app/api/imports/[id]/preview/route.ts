import { previewImportRun } from "@/lib/import/preview-import-run";
import { actorRoute } from "@/lib/http/actor-route";
import { parseJsonObject, readRawBody } from "@/lib/http/read-body";
import { LEAD_ENDPOINT_BODY_LIMIT } from "@/lib/http/body-limits.mjs";

// POST /api/imports/[id]/preview {mapping?, rows?} — the first rows under this mapping, classified.
export const POST = actorRoute(async (actor, req, { id }) =>
  previewImportRun(actor, { ...parseJsonObject(await readRawBody(req, LEAD_ENDPOINT_BODY_LIMIT)), runId: id } as never),
);
