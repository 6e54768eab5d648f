import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A run and its stored file; a run that does not exist is a 404. */
export async function loadImportFile(runId: number) {
  const run = await db.importRun.findUnique({ where: { id: runId }, include: { file: true } });
  if (!run || !run.file) throw new AppError("NOT_FOUND", "Import not found");
  return { run, content: Buffer.from(run.file.content) };
}
