import { DashboardPanel } from "@/components/dashboard/dashboard-panel";
import { LeadRow } from "@/components/dashboard/lead-row";
import type { TFormAction } from "@/lib/action-state";
import type { TLeadListRow } from "@/lib/leads/list-leads";
import { SOURCE_LABELS } from "@/lib/leads/lead-vocabulary";
import { ClaimButton } from "@/components/dashboard/claim-button";
import { formatMoney } from "@/components/leads/format";
import { ZonedTime } from "@/components/ui/zoned-time";

/** The newest unclaimed leads, each claimable in one click (first come, first served). */
export function PendingLeads({ rows, claim }: { rows: TLeadListRow[]; claim: TFormAction }) {
  return (
    <DashboardPanel
      id="pending-leads"
      title="Recent pending leads"
      more={{ href: "/admin/crm/leads?status=pending", label: "All pending" }}
    >
      {rows.length ? (
        <ul className="divide-y divide-slate-200" data-testid="pending-leads">
          {rows.map((r) => (
            <LeadRow
              key={r.id}
              id={r.id}
              name={r.company.name}
              detail={
                <>
                  {`${SOURCE_LABELS[r.leadSource]}${r.origin ? ` · ${r.origin}${r.destination ? ` → ${r.destination}` : ""}` : ""} · `}
                  <ZonedTime value={r.createdAt} />
                </>
              }
            >
              <span className="tabular-nums">{formatMoney(r.estimatedValue)}</span>
              <ClaimButton leadId={r.id} companyName={r.company.name} action={claim} />
            </LeadRow>
          ))}
        </ul>
      ) : (
        <p className="px-4 pb-4 text-sm text-slate-600">No pending leads: everything is claimed.</p>
      )}
    </DashboardPanel>
  );
}
