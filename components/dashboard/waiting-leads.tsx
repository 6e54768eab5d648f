"use client";

import type { TFormAction } from "@/lib/action-state";
import type { TWaitingLeads } from "@/lib/sla/list-waiting-leads";
import { formatWaitingAge, slaStateAt, type TSlaState } from "@/lib/sla/waiting-age";
import { SOURCE_LABELS } from "@/lib/leads/lead-vocabulary";
import { ClaimButton } from "@/components/dashboard/claim-button";
import { DashboardPanel } from "@/components/dashboard/dashboard-panel";
import { LeadRow } from "@/components/dashboard/lead-row";
import { useClock } from "@/components/ui/use-clock";

const STATE_LOOK: Record<TSlaState, { label: string; className: string }> = {
  ok: { label: "On time", className: "border-emerald-300 bg-emerald-50 text-emerald-900" },
  alerted: { label: "Reps reminded", className: "border-amber-300 bg-amber-50 text-amber-900" },
  escalated: { label: "Manager told", className: "border-red-300 bg-red-50 text-red-900" },
};

/** Unclaimed leads, longest-waiting first, each with its live age and its speed-to-lead state. */
export function WaitingLeads({ data, claim }: { data: TWaitingLeads; claim: TFormAction }) {
  const now = useClock(data.asOf);
  return (
    <DashboardPanel id="waiting-leads" title={`Waiting leads (${data.total})`} more={{ href: "/admin/crm/pool", label: "Open the pool" }}>
      <p className="px-4 text-xs text-slate-600">
        Oldest first. The territory&apos;s reps are reminded after {data.alertMinutes} min, the manager is told after {data.escalateMinutes} min.
      </p>
      {data.rows.length ? (
        <ul className="divide-y divide-slate-200" data-testid="waiting-leads">
          {data.rows.map((r) => {
            const age = now - Date.parse(r.createdAt);
            const state = STATE_LOOK[slaStateAt(r.sla, age, data)];
            return (
              <LeadRow
                key={r.id}
                id={r.id}
                name={r.companyName}
                detail={`${SOURCE_LABELS[r.leadSource]}${r.states.length ? ` · ${r.states.join(", ")}` : ""}`}
              >
                <span className="tabular-nums font-medium" data-testid="waiting-age">
                  <span className="sr-only">Waiting </span>
                  {formatWaitingAge(age)}
                </span>
                <span className={`rounded border px-2 py-0.5 text-xs ${state.className}`} data-testid="sla-state">
                  {state.label}
                </span>
                <ClaimButton leadId={r.id} companyName={r.companyName} action={claim} />
              </LeadRow>
            );
          })}
        </ul>
      ) : (
        <p className="px-4 pb-4 pt-2 text-sm text-slate-600">Nobody is waiting: every lead is claimed.</p>
      )}
    </DashboardPanel>
  );
}
