import { DataTable, Td, Th, THead, Tr } from "@/components/ui/data-table";
import type { TJobKindOverview } from "@/lib/jobs/get-jobs-overview";

const COLUMNS = [
  ["queued", "Queued"],
  ["active", "Running"],
  ["failed", "Failed"],
  ["completed", "Completed (1 day)"],
] as const;

/** Per kind: waiting, running, failed and completed jobs, and the kind's dead letters. */
export function JobCountsTable({ kinds }: { kinds: TJobKindOverview[] }) {
  if (kinds.length === 0) return <p className="text-slate-500">No job runner has started on this database yet.</p>;
  return (
    <DataTable data-testid="job-counts">
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
          {kinds.map((k) => (
            <Tr key={k.kind} className="align-top" data-kind={k.kind}>
              <Td>
                <div className="font-mono text-xs font-semibold">{k.kind}</div>
                {k.description ? <div className="max-w-md text-slate-600">{k.description}</div> : <div className="text-slate-500">(not a kind of this version)</div>}
              </Td>
              {COLUMNS.map(([key]) => (
                <Td key={key} numeric className={`${key === "failed" && k.counts.failed ? "font-semibold text-red-700" : ""}`}>
                  {k.counts[key]}
                </Td>
              ))}
              <Td numeric className={`${k.deadLetters ? "font-semibold text-red-700" : ""}`}>{k.deadLetters}</Td>
              <Td className="font-mono text-xs">{k.schedule ?? "on demand"}</Td>
            </Tr>
          ))}
        </tbody>
    </DataTable>
  );
}
