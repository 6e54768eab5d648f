import Link from "next/link";
import type { TTeamPerformance } from "@/lib/leads/get-team-performance";
import { formatMoney, formatNumber } from "@/components/leads/format";
import { DataTable, RowTh, Td, Th, THead, Tr } from "@/components/ui/data-table";

/** The manager's table: every rep ranked by conversion rate, with the team's revenue. */
export function TeamPerformance({ team }: { team: TTeamPerformance }) {
  return (
    <section aria-labelledby="team-performance" className="rounded-lg border bg-white">
      <div className="flex flex-wrap items-baseline justify-between gap-2 p-4 pb-2">
        <h2 id="team-performance" className="font-semibold">
          Team performance
        </h2>
        <p className="text-sm text-slate-600">
          Team revenue{" "}
          <span className="font-semibold text-slate-900" data-testid="team-revenue">
            {formatMoney(team.teamRevenue)}
          </span>{" "}
          from {formatNumber(team.teamConversions)} conversions
        </p>
      </div>
      <DataTable framed={false} data-testid="team-table" caption="Reps ranked by conversion rate">
        <THead>
          <tr>
            <Th>#</Th>
            <Th>Rep</Th>
            <Th numeric>Leads</Th>
            <Th numeric>Open</Th>
            <Th numeric>Conversions</Th>
            <Th numeric>Rate</Th>
            <Th numeric>Revenue</Th>
            <Th numeric>Average</Th>
          </tr>
        </THead>
        <tbody>
          {team.members.map((m) => (
            <Tr key={m.adminId}>
              <Td className="tabular-nums">{m.rank}</Td>
              <RowTh>
                <Link href={`/admin/crm/leads?assigned=${m.adminId}`} className="hover:underline">
                  {m.name}
                </Link>
                {m.active ? null : <span className="ml-1 text-xs text-slate-500">(deactivated)</span>}
              </RowTh>
              <Td numeric>{formatNumber(m.leads)}</Td>
              <Td numeric>{formatNumber(m.openLeads)}</Td>
              <Td numeric>{formatNumber(m.conversions)}</Td>
              <Td numeric>{m.conversionRate}%</Td>
              <Td numeric>{formatMoney(m.revenue)}</Td>
              <Td numeric>{formatMoney(m.averageValue)}</Td>
            </Tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
