import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { csvRow } from "@/lib/kernel/csv";

/**
 * An import's error report: one line per rejected value (row, column, value, reason), in row
 * order, written through the app's one CSV writer (csv-stringify, formula cells neutralised).
 */
export async function exportImportErrorsCsv(actor: TActor, runId: number): Promise<{ fileName: string; csv: string }> {
  assertCan(actor, "imports.manage");
  const run = Number.isSafeInteger(runId) ? await db.importRun.findUnique({ where: { id: runId }, select: { id: true, fileName: true } }) : null;
  if (!run) throw new AppError("NOT_FOUND", "Import not found");
  const errors = await db.importRunError.findMany({ where: { runId }, orderBy: [{ row: "asc" }, { id: "asc" }] });
  let csv = csvRow(["row", "column", "value", "reason"]);
  for (const e of errors) csv += csvRow([e.row, e.column, e.value, e.reason]);
  return { fileName: `import-${run.id}-errors.csv`, csv };
}
