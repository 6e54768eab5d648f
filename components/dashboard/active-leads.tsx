import Link from "next/link";
import { DashboardPanel } from "@/components/dashboard/dashboard-panel";
import type { TLeadListRow } from "@/lib/leads/list-leads";
import { OUTCOME_LABELS } from "@/lib/leads/lead-vocabulary";
import { formatDateTime, formatMoney } from "@/components/leads/format";
import { StatusBadge } from "@/components/leads/status-badge";

/** The rep's open leads, soonest follow-up first (none planned last). */
export function ActiveLeads({ rows, total, asOf }: { rows: TLeadListRow[]; total: number; asOf: string }) {
  const now = new Date(asOf).getTime();
  return (
    <DashboardPanel
      id="active-leads"
      title="My active leads"
      more={{
        href: "/admin/crm/leads?assigned=me&status=assigned,in_progress&sort=follow_up&dir=asc",
        label: `All ${total}`,
      }}
    >
      {rows.length ? (
        <ul className="divide-y divide-slate-200" data-testid="active-leads">
          {rows.map((r) => {
            const overdue = r.nextFollowUpAt !== null && new Date(r.nextFollowUpAt).getTime() < now;
            return (
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
                    {r.lastCallOutcome ? `Last call: ${OUTCOME_LABELS[r.lastCallOutcome]} · ` : ""}
                    {formatMoney(r.estimatedValue)}
                  </p>
                </div>
                <StatusBadge status={r.status} />
                <span className={`text-right ${overdue ? "font-medium text-red-700" : "text-slate-700"}`}>
                  {r.nextFollowUpAt
                    ? `${overdue ? "Overdue: " : "Follow up "}${formatDateTime(r.nextFollowUpAt)}`
                    : "No follow-up set"}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="px-4 pb-4 text-sm text-slate-600">No open leads. Claim one from the pending queue.</p>
      )}
    </DashboardPanel>
  );
}
