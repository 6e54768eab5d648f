import type { TFormAction } from "@/lib/action-state";
import type { TJobError } from "@/lib/jobs/get-jobs-overview";
import { ActionForm } from "@/components/territories/action-form";
import { ZonedTime } from "@/components/ui/zoned-time";

/** The latest failures, newest first: failed jobs may be retried, jobs waiting for a retry cancelled. */
export function JobErrorsTable({ errors, retryAction, cancelAction }: { errors: TJobError[]; retryAction: TFormAction; cancelAction: TFormAction }) {
  if (errors.length === 0) return <p className="text-slate-500">No failed jobs.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="job-errors">
        <thead className="bg-slate-50 text-left">
          <tr>
            <th className="px-3 py-2">When</th>
            <th className="px-3 py-2">Kind and job</th>
            <th className="px-3 py-2">State</th>
            <th className="px-3 py-2">Error</th>
            <th className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr key={e.id} className="border-t align-top">
              <td className="whitespace-nowrap px-3 py-2"><ZonedTime value={e.at} /></td>
              <td className="px-3 py-2">
                <div className="font-mono text-xs font-semibold">{e.kind}</div>
                <div className="font-mono text-xs text-slate-600">{e.id}</div>
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {e.state === "failed" ? `Failed after ${e.attempts} attempt${e.attempts === 1 ? "" : "s"}` : `Will retry (${e.attempts} of ${e.retryLimit + 1} failed)`}
              </td>
              <td className="max-w-lg break-words px-3 py-2 text-red-800">{e.message}</td>
              <td className="px-3 py-2">
                <ActionForm
                  action={e.state === "failed" ? retryAction : cancelAction}
                  hidden={{ kind: e.kind, id: e.id }}
                  submit={e.state === "failed" ? "Retry" : "Cancel"}
                  className="flex flex-col items-end gap-1"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
