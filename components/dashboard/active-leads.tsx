import { DashboardPanel } from "@/components/dashboard/dashboard-panel";
import { LeadRow } from "@/components/dashboard/lead-row";
import type { TLeadListRow } from "@/lib/leads/list-leads";
import { OUTCOME_LABELS } from "@/lib/leads/lead-vocabulary";
import { formatMoney } from "@/components/leads/format";
import { StatusBadge } from "@/components/leads/status-badge";
import { FollowUpWhen } from "@/components/follow-ups/follow-up-when";

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
              <LeadRow
                key={r.id}
                id={r.id}
                name={r.company.name}
                detail={`${r.lastCallOutcome ? `Last call: ${OUTCOME_LABELS[r.lastCallOutcome]} · ` : ""}${formatMoney(r.estimatedValue)}`}
              >
                <StatusBadge status={r.status} />
                <span className={`text-right ${overdue ? "font-medium text-red-700" : "text-slate-700"}`}>
                  {r.nextFollowUpAt
                    ? <>
                        {overdue ? "Overdue: " : "Follow up "}
                        <FollowUpWhen at={r.nextFollowUpAt} hasTime={r.nextFollowUpHasTime} />
                      </>
                    : "No follow-up set"}
                </span>
              </LeadRow>
            );
          })}
        </ul>
      ) : (
        <p className="px-4 pb-4 text-sm text-slate-600">No open leads. Claim one from the pending queue.</p>
      )}
    </DashboardPanel>
  );
}
