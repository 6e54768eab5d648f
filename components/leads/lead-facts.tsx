import type { TLeadDetail } from "@/lib/leads/get-lead-detail";
import { CONVERSION_TYPE_LABELS, OUTCOME_LABELS } from "@/lib/leads/lead-vocabulary";
import { formatMoney } from "@/components/leads/format";
import { ZonedTime } from "@/components/ui/zoned-time";
import type { TFormAction } from "@/lib/action-state";
import { FollowUpWhen } from "@/components/follow-ups/follow-up-when";
import { SnoozeButtons } from "@/components/follow-ups/snooze-buttons";

/** Where the lead stands: follow-up (with snooze when allowed), last contact, states, and how it closed. */
export function LeadFacts({ lead, snooze }: { lead: TLeadDetail; snooze?: TFormAction }) {
  const rows: [string, React.ReactNode][] = [
    [
      "Assigned to",
      lead.assignee
        ? <>
            {lead.assignee.name}
            {lead.assignedAt ? <> since <ZonedTime value={lead.assignedAt} /></> : null}
          </>
        : "Nobody yet",
    ],
    [
      "Next follow-up",
      <div key="f" className="space-y-1">
        <span data-testid="next-follow-up">
          <FollowUpWhen at={lead.nextFollowUpAt} hasTime={lead.nextFollowUpHasTime} />
        </span>
        {snooze && lead.may.snooze ? <SnoozeButtons leadId={lead.id} companyName={lead.company.name} action={snooze} /> : null}
      </div>,
    ],
    ["Last contact", <ZonedTime key="c" value={lead.lastContactAt} />],
    ["Last call", lead.lastCallOutcome ? OUTCOME_LABELS[lead.lastCallOutcome] : "—"],
    ["States", lead.states.join(", ") || "—"],
    ["Priority", `${lead.priorityScore} / 100`],
  ];
  if (lead.lostReason) rows.push(["Lost because", lead.lostReason]);
  if (lead.conversion) {
    rows.push(["Converted for", formatMoney(lead.conversion.value)]);
    rows.push([
      "Converted as",
      `${CONVERSION_TYPE_LABELS[lead.conversion.type]}${lead.conversion.orderId ? ` · order ${lead.conversion.orderId}` : ""}`,
    ]);
    if (lead.conversion.adminName) rows.push(["Credited to", lead.conversion.adminName]);
  }
  if (lead.closedAt) rows.push(["Closed", <ZonedTime key="x" value={lead.closedAt} />]);
  return (
    <section aria-labelledby="lead-facts" className="rounded-lg border bg-white p-4 text-sm">
      <h2 id="lead-facts" className="mb-2 font-semibold">
        Lead
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1" data-testid="lead-facts">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
