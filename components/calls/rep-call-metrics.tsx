import type { TRepCallMetrics } from "@/lib/calls/get-rep-call-metrics";
import { StatCard } from "@/components/stat-card";

export type TRepCallMetricsView = TRepCallMetrics;

const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

/** A rep's call figures; shared by the call list page and the dashboard. */
export function RepCallMetrics({ m }: { m: TRepCallMetricsView }) {
  return (
    <section aria-label="My call metrics" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <StatCard label="Calls today" value={m.callsToday} testId="metric-calls-today" />
      <StatCard label="Calls this week" value={m.callsThisWeek} testId="metric-calls-week" />
      <StatCard
        label="Connects this week"
        value={m.connectsThisWeek}
        hint="answered, interested, not interested, callback"
      />
      <StatCard
        label="Interested this week"
        value={m.interestedThisWeek}
        hint={`${pct(m.interestRatePct)} of calls`}
      />
      <StatCard
        label="Follow-ups on time"
        value={pct(m.followUpsKeptPct)}
        hint={`${m.followUpsKept} of ${m.followUpsDue} due in the last 7 days`}
      />
      <StatCard
        label="Conversion rate"
        value={pct(m.conversionRatePct)}
        hint={`${m.converted} of ${m.leadsAssigned} leads`}
      />
    </section>
  );
}
