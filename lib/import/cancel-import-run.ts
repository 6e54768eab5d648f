import "server-only";
import { z } from "zod";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/command";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const ZCancelImportRun = z.object({ runId: z.coerce.number().int().positive() });

/**
 * Cancels a queued or running import. The job sees it before its next batch (each batch locks
 * the run row first), so the batches already committed stay and the rest is not written.
 */
export async function cancelImportRun(actor: TActor, input: z.input<typeof ZCancelImportRun>): Promise<{ id: number; rowsDone: number }> {
  assertCan(actor, "imports.manage");
  const { runId } = parseInput(ZCancelImportRun, input);
  return db.$transaction(async (tx) => {
    const [run] = await tx.$queryRaw<{ status: string; rows_done: number }[]>`
      SELECT status::text AS status, rows_done FROM import_runs WHERE id = ${runId} FOR UPDATE`;
    if (!run) throw new AppError("NOT_FOUND", "Import not found");
    if (run.status !== "queued" && run.status !== "running" && run.status !== "draft")
      throw new AppError("CONFLICT", `This import has already ${run.status === "cancelled" ? "been cancelled" : run.status}.`);
    await tx.importRun.update({ where: { id: runId }, data: { status: "cancelled", finishedAt: new Date() } });
    await recordAudit(tx, { actor, action: "import.cancelled", target: { type: "import_run", id: runId }, after: { rowsDone: run.rows_done } });
    return { id: runId, rowsDone: run.rows_done };
  });
}
