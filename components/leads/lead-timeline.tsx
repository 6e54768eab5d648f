import Link from "next/link";
import type { TTimelineItem } from "@/lib/leads/get-lead-timeline";
import {
  ACTION_TYPE_LABELS,
  CONVERSION_TYPE_LABELS,
  OUTCOME_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  type TActionOutcome,
  type TActionType,
  type TConversionType,
  type TLeadSource,
  type TLeadStatus,
} from "@/lib/leads/lead-vocabulary";
import { formatMoney } from "@/components/leads/format";
import { ZonedTime } from "@/components/ui/zoned-time";
import { serviceRows } from "@/components/leads/service-details";
import { FollowUpWhen } from "@/components/follow-ups/follow-up-when";
import { stopReasonLabel } from "@/lib/sequences/sequence-vocabulary";

type TData = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

const EVENT_TITLES: Record<string, string> = {
  created: "Lead created",
  claimed: "Claimed",
  assigned: "Assigned",
  released: "Released to the pool",
  status_changed: "Status changed",
  lost: "Marked lost",
  reopened: "Reopened",
  action_voided: "Undone by its author",
  sla_alerted: "Still unclaimed: the territory's reps were reminded",
  sla_escalated: "Still unclaimed: the manager was told",
  auto_returned: "Returned to the pool: no action since it was claimed",
  follow_up_snoozed: "Follow-up snoozed",
  sequence_enrolled: "Enrolled in a sequence",
  sequence_step: "Sequence step",
  sequence_stopped: "Sequence stopped",
  sequence_paused: "Sequence paused",
  sequence_resumed: "Sequence resumed",
  request_made: "Request made",
  request_approved: "Request approved",
  request_accepted: "Handoff accepted",
  request_declined: "Request declined",
  request_withdrawn: "Request withdrawn",
  request_cancelled: "Request closed",
  handed_off: "Handed off",
};

// What a text's status means to a rep.
const TEXT_STATUS_WORDS: Record<string, string> = {
  queued: "Waiting to go out",
  sent: "Sent",
  delivered: "Delivered",
  undelivered: "Not delivered",
  failed: "Failed",
  simulated: "Kept in the outbox (texting is not set up: nothing was sent)",
};

// A request's kind in its timeline title: "Handoff proposed", "Loss requested".
const REQUEST_MADE_TITLES: Record<string, string> = { handoff: "Handoff proposed", lose: "Asked to mark lost", reopen: "Asked to reopen" };

function describe(item: TTimelineItem): { icon: string; title: string; lines: React.ReactNode[] } {
  const d = item.data as TData;
  switch (item.kind) {
    case "activity": {
      const source = s(d.source) ?? "activity";
      const payload = (d.payload && typeof d.payload === "object" ? d.payload : {}) as TData;
      // The job in words (route, states, load, dimensions, weight…), a few lines at most.
      const summary = serviceRows(source as TLeadSource, payload, true)
        .filter(([, v]) => typeof v === "string")
        .slice(0, 6)
        .map(([l, v]) => `${l}: ${v}`);
      return {
        icon: "◆",
        title: `${SOURCE_LABELS[source as TLeadSource] ?? source} from the free tools`,
        lines: summary,
      };
    }
    case "action": {
      const type = ACTION_TYPE_LABELS[d.action_type as TActionType] ?? s(d.action_type);
      const outcome = d.outcome ? OUTCOME_LABELS[d.outcome as TActionOutcome] : null;
      return {
        icon: type === "Call" ? "☎" : type === "Email" ? "✉" : type === "Text" ? "✎" : "◎",
        title: `${type}${outcome ? ` — ${outcome}` : ""}${d.voided_at ? " (undone)" : ""}`,
        lines: [
          d.voided_at ? "Undone moments after it was logged: counted nowhere." : null,
          d.covering_for ? `Logged covering for ${s(d.covering_for)}` : null,
          s(d.description),
          s(d.notes),
          d.follow_up_date ? (
            <>
              Follow up <FollowUpWhen at={String(d.follow_up_date)} hasTime={d.follow_up_has_time === true} />
            </>
          ) : null,
        ].filter(Boolean),
      };
    }
    case "email":
      return {
        icon: "✉",
        title: `Email: ${s(d.subject) ?? "(no subject)"}`,
        lines: [
          `To ${s(d.to_email)} · ${s(d.status)}`,
          Number(d.open_count) || Number(d.click_count)
            ? `Opened ${Number(d.open_count)}×, clicked ${Number(d.click_count)}×`
            : null,
          d.replied_at ? (
            <>
              Replied <ZonedTime value={String(d.replied_at)} />
            </>
          ) : null,
        ].filter(Boolean),
      };
    case "text": {
      const inbound = d.direction === "inbound";
      const status = TEXT_STATUS_WORDS[s(d.status) ?? ""] ?? s(d.status);
      return {
        icon: inbound ? "⇦" : "✆",
        title: inbound ? `Text received from ${s(d.from_phone)}` : `Text sent to ${s(d.to_phone)}`,
        lines: [
          s(d.body),
          inbound ? null : status,
          !inbound && d.status === "queued" && d.send_after ? (
            <>
              Goes out <ZonedTime value={String(d.send_after)} /> (texting hours)
            </>
          ) : null,
          !inbound && d.error ? s(d.error) : null,
        ].filter(Boolean),
      };
    }
    case "conversion":
      return {
        icon: "★",
        title: `Converted for ${formatMoney(Number(d.value))}`,
        lines: [
          CONVERSION_TYPE_LABELS[d.conversion_type as TConversionType] ?? s(d.conversion_type),
          d.order_id ? `Order ${s(d.order_id)}` : null,
          s(d.notes),
        ].filter((x): x is string => !!x),
      };
    default: {
      const type = s(d.type) ?? "event";
      const extra = (d.data ?? {}) as TData;
      if (type === "follow_up_snoozed")
        return {
          icon: "↷",
          title: EVENT_TITLES[type],
          lines: [
            <>
              From <FollowUpWhen at={s(extra.from_at)} hasTime={extra.from_has_time === true} /> to{" "}
              <FollowUpWhen at={s(extra.follow_up_at)} hasTime={extra.follow_up_has_time === true} />
            </>,
          ],
        };
      if (type === "haul") return describeHaul(extra);
      if (type === "company_merged") {
        // Both companies had open leads: the merge kept them apart, a person combines them.
        const open = Array.isArray(extra.open_leads) ? (extra.open_leads as number[]) : [];
        return {
          icon: "⇄",
          title: "Company merged",
          lines: [
            `${s(extra.merged_name)} (#${s(extra.merged_id)}) was merged into ${s(extra.survivor_name)}.`,
            extra.moved === true ? "This lead came from the merged company." : null,
            open.length ? (
              <span data-testid="merged-open-leads">
                Both companies had open leads:{" "}
                {open.map((id, i) => (
                  <span key={id}>
                    {i ? ", " : null}
                    <Link href={`/admin/crm/lead/${id}`} className="underline">
                      #{id}
                    </Link>
                  </span>
                ))}
                . They stay separate leads; if they are the same job, combine them by hand.
              </span>
            ) : null,
          ].filter((x) => !!x),
        };
      }
      if (type.startsWith("sequence_"))
        return {
          icon: "⇶",
          title: `${EVENT_TITLES[type] ?? type}${extra.sequenceName ? `: ${s(extra.sequenceName)}` : ""}`,
          lines: [extra.reason ? `Why: ${stopReasonLabel(s(extra.reason))}` : null, s(extra.detail)].filter((x): x is string => !!x),
        };
      const move =
        d.from_status && d.to_status
          ? `${STATUS_LABELS[d.from_status as TLeadStatus]} → ${STATUS_LABELS[d.to_status as TLeadStatus]}`
          : null;
      const lines = [
        move,
        extra.to_admin_name ? `To ${s(extra.to_admin_name)}` : null,
        extra.reason ? `Reason: ${s(extra.reason)}` : null,
        extra.notes ? s(extra.notes) : null,
        extra.previous_reason ? `Was lost: ${s(extra.previous_reason)}` : null,
        // Where a lead went and why (an approved reopen, a handoff, a request closed by itself).
        extra.detail ? s(extra.detail) : null,
      ].filter((x): x is string => !!x);
      if (type.startsWith("request_") || type === "handed_off") {
        lines.push(
          ...[
            extra.territory_override ? `Territory override: ${s(extra.territory_override)}` : null,
            extra.note ? `Note: ${s(extra.note)}` : null,
          ].filter((x): x is string => !!x),
        );
        const title = type === "request_made" ? (REQUEST_MADE_TITLES[s(extra.kind) ?? ""] ?? EVENT_TITLES[type]) : EVENT_TITLES[type];
        return { icon: "⇄", title, lines };
      }
      return { icon: "•", title: EVENT_TITLES[type] ?? type.replace(/_/g, " "), lines };
    }
  }
}

// A load joining a lead: the largest load (the one worth most) sets the haul estimate.
function describeHaul(d: TData): { icon: string; title: string; lines: string[] } {
  const dims = (load: unknown) => {
    const l = (load ?? {}) as TData;
    return [
      l.width_ft && `${s(l.width_ft)} ft wide`,
      l.height_ft && `${s(l.height_ft)} ft high`,
      l.length_ft && `${s(l.length_ft)} ft long`,
    ]
      .filter(Boolean)
      .join(", ");
  };
  return d.kept
    ? {
        icon: "⛟",
        title: "Haul estimate kept: the larger load still sets the value",
        lines: [
          `Joining load: ${dims(d.load)} (up to ${formatMoney(Number(d.high))})`,
          `Kept load: ${dims(d.kept_load)} (up to ${formatMoney(Number(d.kept_high))})`,
        ],
      }
    : {
        icon: "⛟",
        title: "Haul estimate raised: a larger load joined",
        lines: [
          `New load: ${dims(d.load)} (up to ${formatMoney(Number(d.high))})`,
          `Was: ${dims(d.previous_load)} (up to ${formatMoney(Number(d.previous_high))})`,
        ],
      };
}

/** The merged history, newest first. `showLead` labels each entry with its lead (company page). */
/**
 * One page of a history, newest first. `olderHref` (the same page with the next page's position)
 * and `newestHref` (back to the first page) make the "Show older" paging, server-rendered.
 */
export function LeadTimeline({
  items,
  showLead = false,
  olderHref,
  newestHref,
}: {
  items: TTimelineItem[];
  showLead?: boolean;
  olderHref?: string | null;
  newestHref?: string | null;
}) {
  const paging =
    olderHref || newestHref ? (
      <nav aria-label="Older and newer history" className="mt-3 flex gap-4 text-sm">
        {newestHref ? (
          <Link href={newestHref} className="text-brand-700 underline">
            Back to the newest
          </Link>
        ) : null}
        {olderHref ? (
          <Link href={olderHref} className="text-brand-700 underline" data-testid="timeline-older">
            Show older
          </Link>
        ) : null}
      </nav>
    ) : null;
  if (!items.length)
    return (
      <>
        <p className="text-sm text-slate-600">
          {newestHref ? "Nothing older." : "Nothing has happened yet."}
        </p>
        {paging}
      </>
    );
  return (
    <>
      <ol className="space-y-3" aria-label="Timeline">
        {items.map((item) => {
          const { icon, title, lines } = describe(item);
          return (
            <li key={item.key} className="flex gap-3" data-kind={item.kind}>
              <span aria-hidden className="mt-0.5 w-5 shrink-0 text-center text-slate-500">
                {icon}
              </span>
              <div className="min-w-0 text-sm">
                <p className="font-medium text-slate-900">
                  {title}
                  {showLead ? (
                    <>
                      {" "}
                      <Link
                        href={`/admin/crm/lead/${item.leadId}`}
                        className="font-normal text-brand-700 underline"
                      >
                        lead #{item.leadId}
                      </Link>
                    </>
                  ) : null}
                </p>
                <p className="text-xs text-slate-500">
                  <ZonedTime value={item.at} />
                  {item.actorName ? ` · ${item.actorName}` : ""}
                </p>
                {lines.map((line, i) => (
                  <p key={i} className="whitespace-pre-line break-words text-slate-700">
                    {line}
                  </p>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      {paging}
    </>
  );
}
