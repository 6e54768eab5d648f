import type { TJobKindOverview } from "@/lib/jobs/get-jobs-overview";
import { DataTable, EmptyRow, RowTh, Td, Th, THead, Tr } from "@/components/ui/data-table";

const COLUMNS = [
  ["queued", "Queued"],
  ["active", "Running"],
  ["failed", "Failed"],
  ["completed", "Completed (1 day)"],
] as const;

const alarm = (n: number) => (n ? "font-semibold text-red-700" : "");

/** Per kind: waiting, running, failed and completed jobs, and the kind's dead letters. */
export function JobCountsTable({ kinds }: { kinds: TJobKindOverview[] }) {
  return (
    <DataTable caption="Jobs by kind" data-testid="job-counts">
      <THead>
        <tr>
          <Th>Kind</Th>
          {COLUMNS.map(([key, label]) => (
            <Th key={key} numeric>
              {label}
            </Th>
          ))}
          <Th numeric>Dead letters</Th>
          <Th>Schedule</Th>
        </tr>
      </THead>
      <tbody>
        {kinds.length === 0 ? <EmptyRow colSpan={COLUMNS.length + 3}>No job runner has started on this database yet.</EmptyRow> : null}
        {kinds.map((k) => (
          <Tr key={k.kind} className="align-top" data-kind={k.kind}>
            <RowTh className="min-w-56">
              <div className="font-mono text-xs font-semibold">{k.kind}</div>
              <div className="max-w-md font-normal text-slate-600">{k.description ?? "(not a kind of this version)"}</div>
            </RowTh>
            {COLUMNS.map(([key]) => (
              <Td key={key} numeric className={key === "failed" ? alarm(k.counts.failed) : ""}>
                {k.counts[key]}
              </Td>
            ))}
            <Td numeric className={alarm(k.deadLetters)}>
              {k.deadLetters}
            </Td>
            <Td className="font-mono text-xs">{k.schedule ?? "on demand"}</Td>
          </Tr>
        ))}
      </tbody>
    </DataTable>
  );
}
