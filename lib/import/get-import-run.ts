import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type TImportRunView = {
  id: number;
  fileName: string;
  kind: "companies" | "leads";
  status: "draft" | "queued" | "running" | "cancelled" | "finished" | "failed";
  totalRows: number;
  rowsDone: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  leadsCreated: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Rows per second since the start, and seconds to go at that rate (null until measurable). */
  rowsPerSecond: number | null;
  etaSeconds: number | null;
};

const SELECT = {
  id: true, fileName: true, kind: true, status: true, totalRows: true, rowsDone: true, created: true, updated: true,
  skipped: true, failed: true, leadsCreated: true, error: true, createdAt: true, startedAt: true, finishedAt: true, updatedAt: true,
} as const;

type TRow = { [K in keyof typeof SELECT]: unknown } & Record<string, unknown>;

/** A run as the page shows it; the rate and ETA are from the stored counters, so they survive a reload. */
export function importRunView(r: TRow, now = new Date()): TImportRunView {
  const started = r.startedAt as Date | null;
  const end = (r.finishedAt as Date | null) ?? (r.status === "running" ? now : (r.updatedAt as Date));
  const seconds = started ? (end.getTime() - started.getTime()) / 1000 : 0;
  const done = r.rowsDone as number;
  const rate = seconds > 0 && done > 0 ? Math.round(done / seconds) : null;
  const left = (r.totalRows as number) - done;
  return {
    id: r.id as number,
    fileName: r.fileName as string,
    kind: r.kind as TImportRunView["kind"],
    status: r.status as TImportRunView["status"],
    totalRows: r.totalRows as number,
    rowsDone: done,
    created: r.created as number,
    updated: r.updated as number,
    skipped: r.skipped as number,
    failed: r.failed as number,
    leadsCreated: r.leadsCreated as number,
    error: r.error as string | null,
    createdAt: (r.createdAt as Date).toISOString(),
    startedAt: started?.toISOString() ?? null,
    finishedAt: (r.finishedAt as Date | null)?.toISOString() ?? null,
    rowsPerSecond: rate,
    etaSeconds: rate && r.status === "running" ? Math.ceil(left / rate) : null,
  };
}

/** One import's progress and result (manager only; 404 otherwise). */
export async function getImportRun(actor: TActor, runId: number): Promise<TImportRunView> {
  assertCan(actor, "imports.manage");
  const r = Number.isSafeInteger(runId) ? await db.importRun.findUnique({ where: { id: runId }, select: SELECT }) : null;
  if (!r) throw new AppError("NOT_FOUND", "Import not found");
  return importRunView(r);
}

/** The latest imports, newest first. */
export async function listImportRuns(actor: TActor, take = 10): Promise<TImportRunView[]> {
  assertCan(actor, "imports.manage");
  const rows = await db.importRun.findMany({ where: { status: { not: "draft" } }, orderBy: { createdAt: "desc" }, take, select: SELECT });
  return rows.map((r) => importRunView(r));
}
