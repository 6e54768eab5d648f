import Link from "next/link";
import type { TTeamPerformance } from "@/lib/leads/get-team-performance";
import { formatMoney, formatNumber } from "@/components/leads/format";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** The manager's table: every rep ranked by conversion rate, with the team's revenue. */
export function TeamPerformance({ team }: { team: TTeamPerformance }) {
  return (
    <section aria-labelledby="team-performance" className="rounded-lg border border-slate-200 bg-white">
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
      <ScrollRegion label="Team performance table">
        <table className="min-w-full text-sm" data-testid="team-table">
          <caption className="sr-only">Reps ranked by conversion rate</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">
                #
              </th>
              <th scope="col" className="px-3 py-2">
                Rep
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Leads
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Open
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Conversions
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Rate
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Revenue
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Average
              </th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => (
              <tr key={m.adminId} className="border-t border-slate-200">
                <td className="px-3 py-2 tabular-nums">{m.rank}</td>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/admin/crm/leads?assigned=${m.adminId}`} className="hover:underline">
                    {m.name}
                  </Link>
                  {m.active ? null : <span className="ml-1 text-xs text-slate-500">(deactivated)</span>}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(m.leads)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(m.openLeads)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(m.conversions)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{m.conversionRate}%</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatMoney(m.revenue)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatMoney(m.averageValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
