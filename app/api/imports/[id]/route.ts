import { getImportRun } from "@/lib/import/get-import-run";
import { actorRoute } from "@/lib/http/actor-route";

// GET /api/imports/[id] — the import's progress and result (the page polls it while it runs).
export const GET = actorRoute((actor, _req, { id }) => getImportRun(actor, Number(id)));
