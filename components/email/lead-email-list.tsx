"use client";

import type { TFormAction } from "@/lib/action-state";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TLeadEmail } from "@/lib/email/list-lead-emails";
import { ZonedTime } from "@/components/ui/zoned-time";
import { ScrollRegion } from "@/components/ui/scroll-region";

// The server's own shape (a type-only import: nothing of the server module reaches the browser).
export type TLeadEmailRow = TLeadEmail;

const STATUS_STYLE: Record<string, string> = {
  failed: "bg-red-100 text-red-800",
  bounced: "bg-red-100 text-red-800",
  dropped: "bg-red-100 text-red-800",
  spamreport: "bg-red-100 text-red-800",
  unsubscribed: "bg-amber-100 text-amber-800",
  deferred: "bg-amber-100 text-amber-800",
  simulated: "bg-slate-200 text-slate-800",
  queued: "bg-slate-200 text-slate-800",
  replied: "bg-green-100 text-green-800",
};

function RetryButton({ messageId, leadId, action }: { messageId: number; leadId: number; action: TFormAction }) {
  const { formAction, onSubmit, pending } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline-flex items-center gap-2">
      <input type="hidden" name="messageId" value={messageId} />
      <input type="hidden" name="leadId" value={leadId} />
      <button disabled={pending} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100">
        {pending ? "Retrying…" : "Retry"}
      </button>
    </form>
  );
}

/** A lead's emails with delivery status and open/click/reply counts. */
export function LeadEmailList({ leadId, messages, canSend, retryAction }: { leadId: number; messages: TLeadEmailRow[]; canSend: boolean; retryAction: TFormAction }) {
  if (!messages.length) return <p className="text-sm text-slate-500">No emails to this lead yet.</p>;
  return (
    <ScrollRegion label="Emails to this lead">
      <table className="min-w-full text-sm" data-testid="lead-emails">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1 pr-3">Sent</th>
            <th className="py-1 pr-3">Subject</th>
            <th className="py-1 pr-3">Status</th>
            <th className="py-1 pr-3 text-right">Opens</th>
            <th className="py-1 pr-3 text-right">Clicks</th>
            <th className="py-1 text-right">Replies</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id} className="border-t align-top">
              <td className="py-1.5 pr-3 whitespace-nowrap text-slate-600">
                <ZonedTime value={m.createdAt} />
              </td>
              <td className="py-1.5 pr-3">
                <div className="font-medium">{m.subject}</div>
                <div className="text-xs text-slate-500">
                  to {m.to} · {m.senderName}
                  {m.templateName ? ` · ${m.templateName} v${m.templateVersion}` : ""}
                </div>
                {m.error ? <div className="text-xs text-red-700">{m.error}</div> : null}
              </td>
              <td className="py-1.5 pr-3">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[m.status] ?? "bg-blue-100 text-blue-800"}`} data-testid="email-status">
                  {m.status}
                </span>
                {m.status === "failed" && canSend ? (
                  <div className="mt-1">
                    <RetryButton messageId={m.id} leadId={leadId} action={retryAction} />
                  </div>
                ) : null}
              </td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{m.openCount}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{m.clickCount}</td>
              <td className="py-1.5 text-right tabular-nums">{m.replyCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
