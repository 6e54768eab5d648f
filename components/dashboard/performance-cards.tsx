import type { TRepTotals } from "@/lib/leads/get-rep-totals";
import { StatCard } from "@/components/stat-card";
import { formatMoney, formatNumber } from "@/components/leads/format";

/** The seed's individual metrics for the signed-in rep. */
export function PerformanceCards({ me }: { me: TRepTotals }) {
  return (
    <section aria-labelledby="my-performance">
      <h2 id="my-performance" className="mb-2 font-semibold">
        My performance
      </h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <StatCard
          label="Leads assigned"
          value={formatNumber(me.leads)}
          hint={`${formatNumber(me.openLeads)} open`}
          testId="perf-leads"
        />
        <StatCard label="Conversions" value={formatNumber(me.conversions)} testId="perf-conversions" />
        <StatCard label="Conversion rate" value={`${me.conversionRate}%`} testId="perf-rate" />
        <StatCard label="Total value" value={formatMoney(me.revenue)} testId="perf-revenue" />
        <StatCard label="Average value" value={formatMoney(me.averageValue)} testId="perf-average" />
      </div>
    </section>
  );
}
