import Link from "next/link";
import type { TFormAction } from "@/lib/action-state";
import type { TLeadListRow } from "@/lib/leads/list-leads";
import { SOURCE_LABELS } from "@/lib/leads/lead-vocabulary";
import { ClaimButton } from "@/components/dashboard/claim-button";
import { formatDateTime, formatMoney } from "@/components/leads/format";

/** The newest unclaimed leads, each claimable in one click (first come, first served). */
export function PendingLeads({ rows, claim }: { rows: TLeadListRow[]; claim: TFormAction }) {
  return (
    <section aria-labelledby="pending-leads" className="rounded-lg border border-slate-200 bg-white">
      <div className="flex items-center justify-between p-4 pb-2">
        <h2 id="pending-leads" className="font-semibold">
          Recent pending leads
        </h2>
        <Link href="/admin/crm/leads?status=pending" className="text-sm text-brand-700 underline">
          All pending
        </Link>
      </div>
      {rows.length ? (
        <ul className="divide-y divide-slate-200" data-testid="pending-leads">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm" data-lead-id={r.id}>
              <div className="min-w-0 flex-1">
                <Link href={`/admin/crm/lead/${r.id}`} className="font-medium hover:underline">
                  {r.company.name}
                </Link>
                <p className="text-slate-600">
                  {SOURCE_LABELS[r.leadSource]}
                  {r.origin ? ` · ${r.origin}${r.destination ? ` → ${r.destination}` : ""}` : ""} · {formatDateTime(r.createdAt)}
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
    </section>
  );
}
