import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { IMPORT_BATCH_ROWS } from "@/lib/import/import-limits";
import { loadImportFile } from "@/lib/import/load-import-file";
import type { TImportMapping } from "@/lib/import/map-import-headers";
import { normalizeImportRow } from "@/lib/import/normalize-import-row";
import { readImportCsv } from "@/lib/import/read-import-csv";
import { storedImportDecisions } from "@/lib/import/import-decisions";
import { writeImportBatch, type TBatchRow } from "@/lib/import/write-import-batch";
import { logger } from "@/lib/logger";

export type TRunImportOptions = {
  batchRows?: number;
  /** Tests only: throw after this many committed batches, as a crashed server would stop. */
  crashAfterBatches?: number;
};

/** The owner column's emails as active users (leads only); an unknown owner fails its row. */
async function ownerIds(): Promise<Map<string, number>> {
  const users = await db.user.findMany({ where: { active: true }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
}

/**
 * The `import-run` job: writes a started import in batches, each one transaction that first locks
 * the run row and checks the run is still running and still at the row this runner read up to
 * (so a cancel stops it before the next batch, and a second runner of the same run — pg-boss
 * delivering again after an expiry — stops instead of writing a batch twice). The batch's rows,
 * its error-report lines and the run's counters and cursor commit together: a job started again
 * after a crash skips the rows up to the cursor and writes each row exactly once.
 */
export async function runImport({ runId }: { runId: number }, options: TRunImportOptions = {}): Promise<{ status: string }> {
  const batchRows = options.batchRows ?? IMPORT_BATCH_ROWS;
  const begun = await db.importRun.updateMany({
    where: { id: runId, status: { in: ["queued", "running"] } },
    data: { status: "running" },
  });
  if (begun.count === 0) return { status: "not running" };
  await db.importRun.updateMany({ where: { id: runId, startedAt: null }, data: { startedAt: new Date() } });
  const { run, content } = await loadImportFile(runId);
  const creator = await db.user.findUniqueOrThrow({ where: { id: run.createdById }, select: { id: true, email: true } });
  const mapping = run.mapping as TImportMapping;
  const decisions = storedImportDecisions(run.decisions);
  const owners = run.kind === "leads" ? await ownerIds() : new Map<string, number>();
  const ownerColumn: string | undefined = (run.headers as string[])[mapping.indexOf("owner_email")];

  const resumeAfter = run.lastRow;
  let cursor = resumeAfter;
  let batches = 0;
  const commit = async (batch: TBatchRow[], lastRow: number): Promise<boolean> => {
    const ok = await db.$transaction(
      async (tx) => {
        const [now] = await tx.$queryRaw<{ status: string; last_row: number }[]>`
          SELECT status::text AS status, last_row FROM import_runs WHERE id = ${runId} FOR UPDATE`;
        if (now?.status !== "running" || now.last_row !== cursor) return false;
        const c = await writeImportBatch(tx, { runId, actorId: creator.id, kind: run.kind, decisions, rows: batch });
        await tx.$executeRaw`
          UPDATE import_runs
          SET rows_done = rows_done + ${batch.length}, last_row = ${lastRow}, created = created + ${c.created},
              updated = updated + ${c.updated}, skipped = skipped + ${c.skipped}, failed = failed + ${c.failed},
              leads_created = leads_created + ${c.leadsCreated}, updated_at = now()
          WHERE id = ${runId}`;
        return true;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    if (!ok) return false;
    cursor = lastRow;
    batches++;
    if (options.crashAfterBatches !== undefined && batches >= options.crashAfterBatches) throw new Error("import-run: simulated crash");
    return true;
  };

  try {
    const csv = await readImportCsv(content);
    let batch: TBatchRow[] = [];
    // One batch is written while the next is read and cleaned: the database and this process work
    // at once (parsing and cleaning is CPU here, writing is CPU there), and batches still commit
    // in file order, one at a time.
    let writing: Promise<boolean> = Promise.resolve(true);
    const hand = async (rows: TBatchRow[], lastRow: number): Promise<boolean> => {
      if (!(await writing)) return false;
      writing = commit(rows, lastRow);
      // A failed write must not go unobserved while the next batch is read.
      writing.catch(() => {});
      return true;
    };
    for await (const record of csv.records) {
      if (record.row <= resumeAfter) continue;
      const { data, problems } = normalizeImportRow(record, csv.headers, mapping);
      let ownerId: number | null = run.kind === "leads" ? run.assignToId : null;
      if (run.kind === "leads" && data.owner_email) {
        ownerId = owners.get(data.owner_email) ?? null;
        if (ownerId === null)
          problems.push({ row: record.row, column: ownerColumn ?? "Owner", field: "owner_email", value: data.owner_email, reason: "No active user has this email" });
      }
      batch.push({ row: record.row, data, problems, ownerId });
      if (batch.length >= batchRows) {
        if (!(await hand(batch, record.row))) return { status: "stopped" };
        batch = [];
      }
    }
    if (batch.length && !(await hand(batch, batch[batch.length - 1].row))) return { status: "stopped" };
    if (!(await writing)) return { status: "stopped" };
  } catch (err) {
    // The file was read whole when the import started; what fails here is not the manager's input
    // but a crash or the database: rethrown, so pg-boss retries and the next run resumes.
    if (!(err instanceof AppError)) throw err;
    await db.$transaction(async (tx) => {
      const failed = await tx.importRun.updateMany({ where: { id: runId, status: "running" }, data: { status: "failed", error: err.message, finishedAt: new Date() } });
      if (failed.count) {
        await tx.importFile.deleteMany({ where: { runId } });
        await recordAudit(tx, { actor: creator, action: "import.failed", target: { type: "import_run", id: runId }, after: { error: err.message }, ip: null });
      }
    });
    return { status: "failed" };
  }

  return db.$transaction(async (tx) => {
    const done = await tx.importRun.updateMany({ where: { id: runId, status: "running", lastRow: cursor }, data: { status: "finished", finishedAt: new Date() } });
    if (!done.count) return { status: "stopped" };
    // The file was needed only to run (and resume) the import; the counts and the error report stay.
    await tx.importFile.deleteMany({ where: { runId } });
    const counts = await tx.importRun.findUniqueOrThrow({
      where: { id: runId },
      select: { rowsDone: true, created: true, updated: true, skipped: true, failed: true, leadsCreated: true },
    });
    await recordAudit(tx, { actor: creator, action: "import.finished", target: { type: "import_run", id: runId }, after: counts, ip: null });
    logger.info({ runId, ...counts }, "import finished");
    return { status: "finished" };
  });
}
