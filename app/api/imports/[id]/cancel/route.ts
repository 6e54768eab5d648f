import { cancelImportRun } from "@/lib/import/cancel-import-run";
import { actorRoute } from "@/lib/http/actor-route";

// POST /api/imports/[id]/cancel — stops the import before its next batch; what was written stays.
export const POST = actorRoute((actor, _req, { id }) => cancelImportRun(actor, { runId: id }));
