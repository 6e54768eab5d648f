"use client";

import { useEffect, useState } from "react";
import type { TImportRunView } from "@/lib/import/get-import-run";
import { dangerButton, secondaryButton } from "@/components/ui/classes";

const ACTIVE = new Set(["queued", "running"]);
const POLL_MS = 1000;

function seconds(s: number): string {
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

const STATUS_TEXT: Record<TImportRunView["status"], string> = {
  draft: "Not started",
  queued: "Waiting for the job runner",
  running: "Importing",
  finished: "Finished",
  cancelled: "Cancelled",
  failed: "Failed",
};

/**
 * One import's progress and result. While it is queued or running it asks the server every
 * second; the numbers are the run's stored counters, so a reload (or another manager's screen)
 * shows the same bar.
 */
export function ImportProgress({ initial }: { initial: TImportRunView }) {
  const [run, setRun] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const active = ACTIVE.has(run.status);

  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/imports/${run.id}`, { cache: "no-store" });
        if (res.ok) setRun((await res.json()) as TImportRunView);
      } catch {
        // A missed poll is retried by the next one.
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [active, run]);

  async function cancel() {
    setError(null);
    const res = await fetch(`/api/imports/${run.id}/cancel`, { method: "POST" });
    if (!res.ok) setError(((await res.json()) as { error?: { message?: string } }).error?.message ?? "Could not cancel");
    const fresh = await fetch(`/api/imports/${run.id}`, { cache: "no-store" });
    if (fresh.ok) setRun((await fresh.json()) as TImportRunView);
  }

  const percent = run.totalRows ? Math.floor((run.rowsDone / run.totalRows) * 100) : 0;
  const labelId = `import-${run.id}-label`;
  return (
    <div className="space-y-2 rounded border border-slate-200 bg-white p-3 text-sm" data-testid={`import-run-${run.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p id={labelId} className="min-w-0 break-words font-medium">
          {run.fileName} · {run.kind === "leads" ? "leads" : "companies"} · <span data-testid="import-status">{STATUS_TEXT[run.status]}</span>
        </p>
        {active ? (
          <button type="button" className={dangerButton} onClick={cancel}>
            Cancel import
          </button>
        ) : null}
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={run.totalRows || 1}
        aria-valuenow={run.rowsDone}
        aria-valuetext={`${run.rowsDone} of ${run.totalRows} rows`}
        className="h-3 w-full overflow-hidden rounded bg-slate-200"
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-slate-700" aria-live="polite">
        {run.rowsDone.toLocaleString("en-US")} of {run.totalRows.toLocaleString("en-US")} rows ({percent} %)
        {run.rowsPerSecond ? ` · ${run.rowsPerSecond.toLocaleString("en-US")} rows/s` : ""}
        {run.etaSeconds !== null && active ? ` · about ${seconds(run.etaSeconds)} left` : ""}
      </p>
      {!active ? (
        <>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-5" data-testid="import-result">
            {(
              [
                ["Created", run.created],
                ["Updated", run.updated],
                ["Skipped", run.skipped],
                ["Failed", run.failed],
                ["Leads", run.leadsCreated],
              ] as const
            ).map(([label, n]) => (
              <div key={label}>
                <dt className="text-slate-600">{label}</dt>
                <dd className="font-semibold">{n.toLocaleString("en-US")}</dd>
              </div>
            ))}
          </dl>
          {run.status === "cancelled" ? (
            <p>Cancelled after {run.rowsDone.toLocaleString("en-US")} rows: those stay imported, the rest of the file was not read.</p>
          ) : null}
          {run.error ? <p className="text-red-700">{run.error}</p> : null}
          {run.failed > 0 ? (
            <a className={secondaryButton} href={`/api/imports/${run.id}/errors`} download>
              Download error report ({run.failed} rows)
            </a>
          ) : null}
        </>
      ) : null}
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
