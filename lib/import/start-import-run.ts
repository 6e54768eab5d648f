import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { command } from "@/lib/command";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZImportDecisions } from "@/lib/import/import-decisions";
import { IMPORT_FIELDS } from "@/lib/import/import-fields";
import { loadImportFile } from "@/lib/import/load-import-file";
import { checkMapping } from "@/lib/import/preview-import";
import { scanImportFile } from "@/lib/import/scan-import-file";
import { jobSender } from "@/lib/jobs/job-boss";
import { sendJob } from "@/lib/jobs/send-job";

export const ZStartImportRun = z.object({
  runId: z.coerce.number().int().positive(),
  kind: z.enum(["companies", "leads"]),
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()),
  /** Per rule that finds a company we have; a rule left out takes its default. */
  decisions: ZImportDecisions.prefault({}),
  /** Leads whose row names no owner: this rep, or the pool (null). */
  assignToId: z.coerce.number().int().positive().nullable().default(null),
});
export type TStartImportRun = z.input<typeof ZStartImportRun>;

/**
 * Starts a draft import: the mapping checked against the file, the whole file read once (row
 * count, well-formed, no column of garbage) so a bad file is refused before anything is written,
 * then the run queued for the job runner with the start audited, in one transaction.
 */
export const startImportRun = command(
  { input: ZStartImportRun, may: "imports.manage" },
  async (actor, data): Promise<{ id: number; totalRows: number }> => {
    const { run, content } = await loadImportFile(data.runId);
    if (run.status !== "draft")
      throw new AppError(
        "CONFLICT",
        `This import has already been ${run.status === "queued" || run.status === "running" ? "started" : run.status}.`,
      );
    const headers = run.headers as string[];
    checkMapping(data.mapping, headers);
    if (!data.mapping.includes("company_name"))
      throw new AppError("BAD_REQUEST", "No column holds the company name; map one to Company name.");
    if (data.assignToId !== null) {
      const rep = await db.user.findFirst({
        where: { id: data.assignToId, active: true },
        select: { id: true },
      });
      if (!rep)
        throw new AppError(
          "BAD_REQUEST",
          "Pick an active rep to assign the leads to, or leave them in the pool.",
        );
    }
    const { rows } = await scanImportFile(content, data.mapping);
    await jobSender();
    await db.$transaction(async (tx) => {
      const started = await tx.importRun.updateMany({
        where: { id: run.id, status: "draft" },
        data: {
          status: "queued",
          kind: data.kind,
          mapping: data.mapping,
          decisions: data.decisions,
          assignToId: data.assignToId,
          totalRows: rows,
        },
      });
      if (started.count === 0) throw new AppError("CONFLICT", "This import has already been started.");
      await sendJob(
        "import-run",
        { runId: run.id },
        { transaction: tx, singletonKey: `import-run:${run.id}` },
      );
      await recordAudit(tx, {
        actor,
        action: "import.started",
        target: { type: "import_run", id: run.id },
        after: {
          file: run.fileName,
          kind: data.kind,
          rows,
          decisions: data.decisions,
          assignToId: data.assignToId,
        },
      });
    });
    return { id: run.id, totalRows: rows };
  },
);
