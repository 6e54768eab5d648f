import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isManager } from "@/lib/auth/permissions";
import { getDashboard } from "@/lib/leads/get-dashboard";
import { getRepCallMetrics } from "@/lib/calls/get-rep-call-metrics";
import { RepCallMetrics } from "@/components/calls/rep-call-metrics";
import { StatCard } from "@/components/stat-card";
import { ActiveLeads } from "@/components/dashboard/active-leads";
import { FollowUps } from "@/components/dashboard/follow-ups";
import { PendingLeads } from "@/components/dashboard/pending-leads";
import { PerformanceCards } from "@/components/dashboard/performance-cards";
import { QuickActions } from "@/components/dashboard/quick-actions";
import { TeamPerformance } from "@/components/dashboard/team-performance";
import { WaitingLeads } from "@/components/dashboard/waiting-leads";
import { SpeedToLeadCard } from "@/components/dashboard/speed-to-lead-card";
import { listWaitingLeads } from "@/lib/sla/list-waiting-leads";
import { getSpeedToLead } from "@/lib/analytics/get-speed-to-lead";
import { presetRange } from "@/lib/analytics/analytics-filter";
import { getCompanyTimeZone } from "@/lib/kernel/company-settings";
import { zonedDay } from "@/lib/kernel/zoned-time";
import { listAwayPeriods } from "@/lib/away/list-away-periods";
import { AwayNow } from "@/components/dashboard/away-now";
import { claimLeadAction } from "./lead/actions";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requirePageActor();
  const timeZone = await getCompanyTimeZone();
  // The speed card: the last 30 company days, the rep's own figures or the team's.
  const speedRange = { ...presetRange("last_30", zonedDay(new Date(), timeZone)), timeZone };
  const [d, calls, waiting, speed, away] = await Promise.all([
    getDashboard(actor),
    getRepCallMetrics(actor),
    listWaitingLeads(actor, {}),
    getSpeedToLead(actor, speedRange),
    listAwayPeriods(actor, { currentOnly: true }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {actor.name}</h1>
      <section aria-label="Lead counts" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard label="Pending leads" value={d.counts.pending} testId="count-pending" />
        <StatCard label="My open leads" value={d.counts.mine} testId="count-mine" />
        <StatCard label="Converted this month" value={d.counts.convertedThisMonth} testId="count-converted-month" />
        <StatCard label="All leads" value={d.counts.total} testId="count-total" />
      </section>
      {/* The leads to work come first: on a phone the first one shows without scrolling. */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <FollowUps followUps={d.followUps} />
        <ActiveLeads rows={d.active.rows} total={d.active.total} asOf={d.generatedAt} />
      </div>
      <AwayNow periods={away} />
      <WaitingLeads data={waiting} claim={claimLeadAction} />
      <PendingLeads rows={d.pending.rows} claim={claimLeadAction} />
      <QuickActions manager={isManager(actor)} />
      {d.team ? <TeamPerformance team={d.team} /> : null}
      <SpeedToLeadCard data={speed} team={isManager(actor)} days={30} />
      <PerformanceCards me={d.me} />
      <div className="space-y-2">
        <h2 className="font-semibold">My calls</h2>
        <RepCallMetrics m={calls} />
      </div>
    </div>
  );
}
