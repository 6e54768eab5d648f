import { createImportRun } from "@/lib/import/create-import-run";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-limits";
import { actorRoute } from "@/lib/http/actor-route";
import { readRawBytes } from "@/lib/http/read-body";

// POST /api/imports — the CSV itself as the body (the page sends the chosen file or the pasted
// text), its name in `x-file-name`. Under /api so that proxy.ts, which buffers at most 1 MB of a
// page request, never sees it; the byte limit is read-body's: a declared length over it is a 413
// before a byte is read, and a stream is cut at the limit.
export const POST = actorRoute(async (actor, req) => {
  const name = decodeURIComponent(req.headers.get("x-file-name") ?? "") || "pasted.csv";
  const content = await readRawBytes(req, MAX_IMPORT_BYTES);
  return createImportRun(actor, { name, content });
});
