import "server-only";
import { z } from "zod";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/command";
import { IMPORT_FIELDS } from "@/lib/import/import-fields";
import { DEFAULT_PREVIEW_ROWS } from "@/lib/import/import-limits";
import { loadImportFile } from "@/lib/import/load-import-file";
import { previewImport, type TImportPreview } from "@/lib/import/preview-import";

export const ZPreviewImportRun = z.object({
  runId: z.coerce.number().int().positive(),
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).optional(),
  rows: z.number().int().positive().max(200).default(DEFAULT_PREVIEW_ROWS),
});

/** The preview of an uploaded file under the manager's mapping (see previewImport); reads only. */
export async function previewImportRun(actor: TActor, input: z.input<typeof ZPreviewImportRun>): Promise<TImportPreview> {
  assertCan(actor, "imports.manage");
  const { runId, mapping, rows } = parseInput(ZPreviewImportRun, input);
  const { content } = await loadImportFile(runId);
  return previewImport(actor, content, { rows, ...(mapping ? { mapping } : {}) });
}
