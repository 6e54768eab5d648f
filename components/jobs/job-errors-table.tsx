import type { TFormAction } from "@/lib/action-state";
import { ActionsTh, DataTable, Td, Th, THead, Tr } from "@/components/ui/data-table";
import type { TJobError } from "@/lib/jobs/get-jobs-overview";
import { ActionForm } from "@/components/territories/action-form";
import { ZonedTime } from "@/components/ui/zoned-time";

/** The latest failures, newest first: failed jobs may be retried, jobs waiting for a retry cancelled. */
export function JobErrorsTable({ errors, retryAction, cancelAction }: { errors: TJobError[]; retryAction: TFormAction; cancelAction: TFormAction }) {
  if (errors.length === 0) return <p className="text-slate-500">No failed jobs.</p>;
  return (
    <DataTable data-testid="job-errors">
        <THead>
          <tr>
            <Th>When</Th>
            <Th>Kind and job</Th>
            <Th>State</Th>
            <Th>Error</Th>
            <ActionsTh />
          </tr>
        </THead>
        <tbody>
          {errors.map((e) => (
            <Tr key={e.id} className="align-top">
              <Td className="whitespace-nowrap"><ZonedTime value={e.at} /></Td>
              <Td>
                <div className="font-mono text-xs font-semibold">{e.kind}</div>
                <div className="font-mono text-xs text-slate-600">{e.id}</div>
              </Td>
              <Td className="whitespace-nowrap">
                {e.state === "failed" ? `Failed after ${e.attempts} attempt${e.attempts === 1 ? "" : "s"}` : `Will retry (${e.attempts} of ${e.retryLimit + 1} failed)`}
              </Td>
              <Td className="max-w-lg break-words text-red-800">{e.message}</Td>
              <Td>
                <ActionForm
                  action={e.state === "failed" ? retryAction : cancelAction}
                  hidden={{ kind: e.kind, id: e.id }}
                  submit={e.state === "failed" ? "Retry" : "Cancel"}
                  className="flex flex-col items-end gap-1"
                />
              </Td>
            </Tr>
          ))}
        </tbody>
    </DataTable>
  );
}
