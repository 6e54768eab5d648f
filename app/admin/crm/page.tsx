import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getLeadCounts } from "@/lib/leads/get-lead-counts";
import { StatCard } from "@/components/stat-card";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requirePageActor();
  const counts = await getLeadCounts(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {actor.name}</h1>
      <section aria-label="Lead counts" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard label="Pending leads" value={counts.pending} testId="count-pending" />
        <StatCard label="My open leads" value={counts.mine} testId="count-mine" />
        <StatCard label="Converted this month" value={counts.convertedThisMonth} testId="count-converted-month" />
        <StatCard label="All leads" value={counts.total} testId="count-total" />
      </section>
    </div>
  );
}
