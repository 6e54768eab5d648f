import { US_STATES } from "@/lib/geo/us-states";
import { ScrollRegion } from "@/components/ui/scroll-region";

export type TStateCoverageRow = {
  state: string;
  leads: number;
  unassigned: number;
  workedPct: number | null;
  converted: number;
  revenue: number;
  territories: string[];
};

const money = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});

/** Per-state figures; a route lead counts in every state it touches. */
export function StateCoverageTable({ rows }: { rows: TStateCoverageRow[] }) {
  if (!rows.length) return <p className="text-sm text-slate-600">No states to show yet.</p>;
  return (
    <ScrollRegion label="Coverage by state" className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" aria-label="Coverage by state">
        <thead className="bg-slate-50 text-left">
          <tr>
            <th className="px-3 py-2">State</th>
            <th className="px-3 py-2">Territories</th>
            <th className="px-3 py-2 text-right">Leads</th>
            <th className="px-3 py-2 text-right">Unassigned</th>
            <th className="px-3 py-2 text-right" title="Open leads contacted in the last 7 days">
              Worked 7 d
            </th>
            <th className="px-3 py-2 text-right">Converted</th>
            <th className="px-3 py-2 text-right">Revenue</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.state} className="border-t border-slate-200" data-state-row={r.state}>
              <th scope="row" className="px-3 py-1.5 text-left font-medium">
                <abbr title={US_STATES[r.state]?.name} className="no-underline">
                  {r.state}
                </abbr>
              </th>
              <td className="px-3 py-1.5">
                {r.territories.join(", ") || <span className="text-red-700">none</span>}
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{r.leads}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{r.unassigned}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">
                {r.workedPct === null ? "—" : `${r.workedPct}%`}
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{r.converted}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{money.format(r.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
