import { US_STATES } from "@/lib/geo/us-states";
import { DataTable, RowTh, Td, Th, THead, Tr } from "@/components/ui/data-table";

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
    <DataTable caption="Coverage by state" aria-label="Coverage by state">
      <THead>
        <tr>
          <Th>State</Th>
          <Th>Territories</Th>
          <Th numeric>Leads</Th>
          <Th numeric>Unassigned</Th>
          <Th numeric title="Open leads contacted in the last 7 days">
            Worked 7 d
          </Th>
          <Th numeric>Converted</Th>
          <Th numeric>Revenue</Th>
        </tr>
      </THead>
      <tbody>
        {rows.map((r) => (
          <Tr key={r.state} data-state-row={r.state}>
            <RowTh compact>
              <abbr title={US_STATES[r.state]?.name} className="no-underline">
                {r.state}
              </abbr>
            </RowTh>
            <Td compact>{r.territories.join(", ") || <span className="text-red-700">none</span>}</Td>
            <Td numeric compact>{r.leads}</Td>
            <Td numeric compact>{r.unassigned}</Td>
            <Td numeric compact>{r.workedPct === null ? "—" : `${r.workedPct}%`}</Td>
            <Td numeric compact>{r.converted}</Td>
            <Td numeric compact>{money.format(r.revenue)}</Td>
          </Tr>
        ))}
      </tbody>
    </DataTable>
  );
}
