import Link from "next/link";
import type { TSpeedToLead } from "@/lib/analytics/get-speed-to-lead";
import { formatMinutes } from "@/components/analytics/format";
import { FigureTile as Figure } from "@/components/analytics/figure-tile";

/** The dashboard's speed-to-lead card: the rep's own figures, or the team's for the manager. */
export function SpeedToLeadCard({ data, team, days }: { data: TSpeedToLead; team: boolean; days: number }) {
  const minutes = (m: number | null) => (m === null ? "—" : formatMinutes(m));
  const share = (pct: number, n: number) => (n ? `${pct.toFixed(0)} %` : "—");
  return (
    <section aria-labelledby="speed-card" className="rounded-lg border bg-white p-4" data-testid="speed-to-lead-card">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="speed-card" className="font-semibold">
          {team ? "Team speed to lead" : "My speed to lead"}, last {days} days
        </h2>
        <Link href="/admin/crm/analytics#speed-to-lead-title" className="text-sm text-brand-700 underline">
          Details
        </Link>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-2 md:grid-cols-4">
        <Figure label="Median time to claim" value={minutes(data.claim.medianMinutes)} testId="speed-claim-median" />
        <Figure label="Claimed within 5 min" value={share(data.claim.within5Pct, data.claim.reached)} testId="speed-claim-5" />
        <Figure label="Median time to first touch" value={minutes(data.touch.medianMinutes)} testId="speed-touch-median" />
        <Figure label="Touched within 1 h" value={share(data.touch.within60Pct, data.touch.reached)} testId="speed-touch-60" />
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        {team ? "Leads that arrived" : "Leads you claimed or touched"} in the period; working-hours figures and the breakdowns are on the analytics page.
      </p>
    </section>
  );
}
