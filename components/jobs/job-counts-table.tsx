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
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="job-counts">
        <thead className="bg-slate-50 text-left">
          <tr>
            <th className="px-3 py-2">Kind</th>
            {COLUMNS.map(([key, label]) => (
              <th key={key} className="px-3 py-2 text-right">
                {label}
              </th>
            ))}
            <th className="px-3 py-2 text-right">Dead letters</th>
            <th className="px-3 py-2">Schedule</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k.kind} className="border-t align-top" data-kind={k.kind}>
              <td className="px-3 py-2">
                <div className="font-mono text-xs font-semibold">{k.kind}</div>
                {k.description ? <div className="max-w-md text-slate-600">{k.description}</div> : <div className="text-slate-500">(not a kind of this version)</div>}
              </td>
              {COLUMNS.map(([key]) => (
                <td key={key} className={`px-3 py-2 text-right tabular-nums ${key === "failed" && k.counts.failed ? "font-semibold text-red-700" : ""}`}>
                  {k.counts[key]}
                </td>
              ))}
              <td className={`px-3 py-2 text-right tabular-nums ${k.deadLetters ? "font-semibold text-red-700" : ""}`}>{k.deadLetters}</td>
              <td className="px-3 py-2 font-mono text-xs">{k.schedule ?? "on demand"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
