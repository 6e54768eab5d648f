import type { TAwayPeriodItem } from "@/lib/away/list-away-periods";
import { DashboardPanel } from "@/components/dashboard/dashboard-panel";
import { ZonedTime } from "@/components/ui/zoned-time";

/** The dashboard's "Away now": who is away, who covers, until when. Hidden when nobody is. */
export function AwayNow({ periods }: { periods: TAwayPeriodItem[] }) {
  if (periods.length === 0) return null;
  return (
    <DashboardPanel id="away-now-h" title="Away now" more={{ href: "/admin/crm/away", label: "Away periods" }}>
      <ul className="divide-y px-4 pb-3 text-sm" data-testid="away-now">
        {periods.map((p) => (
          <li key={p.id} className="py-2">
            <span className="font-medium">{p.user.name}</span> is away until <ZonedTime value={p.endsAt} /> · covered by{" "}
            <span className="font-medium">{p.cover.name}</span>
          </li>
        ))}
      </ul>
    </DashboardPanel>
  );
}
