import Link from "next/link";
import type { TRequestRow } from "@/lib/requests/list-lead-requests";
import { cancelReasonLabel, isOpenRequestState, REQUEST_KIND_LABELS, REQUEST_STATE_LABELS } from "@/lib/requests/request-vocabulary";
import { formatMoney } from "@/components/leads/format";
import { ZonedTime } from "@/components/ui/zoned-time";

/** One request in words: what, for which lead, who asked, why, and where it stands. */
export function RequestSummary({ request, showLead = true }: { request: TRequestRow; showLead?: boolean }) {
  const r = request;
  const what = r.kind === "handoff" ? `Handoff to ${r.receiver?.name ?? "a rep"}` : REQUEST_KIND_LABELS[r.kind];
  return (
    <div className="min-w-0 space-y-0.5 text-sm">
      <p className="font-medium">
        {what}
        {showLead ? (
          <>
            {" · "}
            <Link href={`/admin/crm/lead/${r.lead.id}`} className="underline">
              {r.lead.company}
            </Link>{" "}
            <span className="text-slate-600">
              ({formatMoney(r.lead.value)}
              {r.lead.states.length ? `, ${r.lead.states.join(", ")}` : ""})
            </span>
          </>
        ) : null}
      </p>
      <p className="text-slate-600">
        Asked by {r.requester.name} · <ZonedTime value={r.createdAt} /> · {REQUEST_STATE_LABELS[r.state]}
        {r.state === "cancelled" ? `: ${cancelReasonLabel(r.cancelReason)}` : ""}
        {r.decidedBy && !isOpenRequestState(r.state) ? ` by ${r.decidedBy}` : ""}
      </p>
      {r.reason ? <p className="break-words">Reason: {r.reason}</p> : null}
      {r.territoryOverride ? <p className="break-words">Territory override: {r.territoryOverride}</p> : null}
      {r.decisionNote ? <p className="break-words">Note: {r.decisionNote}</p> : null}
    </div>
  );
}
