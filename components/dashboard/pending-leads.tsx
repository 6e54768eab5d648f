import Link from "next/link";
import { DashboardPanel } from "@/components/dashboard/dashboard-panel";
import type { TFormAction } from "@/lib/action-state";
import type { TLeadListRow } from "@/lib/leads/list-leads";
import { SOURCE_LABELS } from "@/lib/leads/lead-vocabulary";
import { ClaimButton } from "@/components/dashboard/claim-button";
import { formatDateTime, formatMoney } from "@/components/leads/format";

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
            <li
              key={r.id}
              className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm"
              data-lead-id={r.id}
            >
              <div className="min-w-0 flex-1">
                <Link href={`/admin/crm/lead/${r.id}`} className="font-medium hover:underline">
                  {r.company.name}
                </Link>
                <p className="text-slate-600">
                  {SOURCE_LABELS[r.leadSource]}
                  {r.origin ? ` · ${r.origin}${r.destination ? ` → ${r.destination}` : ""}` : ""} ·{" "}
                  {formatDateTime(r.createdAt)}
                </p>
              </div>
              <span className="tabular-nums">{formatMoney(r.estimatedValue)}</span>
              <ClaimButton leadId={r.id} companyName={r.company.name} action={claim} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-4 pb-4 text-sm text-slate-600">No pending leads: everything is claimed.</p>
      )}
    </DashboardPanel>
  );
}
