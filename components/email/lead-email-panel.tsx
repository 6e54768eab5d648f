"use client";

import { useActionState, useCallback, useRef, useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { renderTemplate } from "@/lib/email/render-template";
import type { TVariableValues } from "@/lib/email/template-variables";
import { FieldError } from "@/components/ui/field-error";
import { SelectField } from "@/components/ui/select-field";
import { EmailPreview } from "@/components/email/email-preview";
import { LeadEmailList, type TLeadEmailRow } from "@/components/email/lead-email-list";
import { useIdempotentAction } from "@/components/email/use-idempotent-action";
import { insertAt, VariablePicker } from "@/components/email/variable-picker";

// Plain data from getLeadEmailPanel (lib/email/get-lead-email-panel.ts).
export type TLeadEmailPanelData = {
  leadId: number;
  canSend: boolean;
  /** Why not, when canSend is false. */
  cannotSend: string | null;
  outbox: boolean;
  recipients: { email: string; label: string; values: TVariableValues; suppressed: string | null }[];
  templates: { id: number; name: string; subject: string; body: string; version: number; shared: boolean }[];
  messages: TLeadEmailRow[];
};

type TProps = { data: TLeadEmailPanelData; sendAction: TFormAction; retryAction: TFormAction };

const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";

/**
 * The lead page's email section: pick a template, see it filled in for this lead, edit, send; and
 * the lead's emails so far. Mounted by app/admin/crm/lead/[id]/page.tsx:
 *   const email = await getLeadEmailPanel(actor, { leadId });           // lib/email/get-lead-email-panel
 *   <LeadEmailPanel data={email} sendAction={sendLeadEmailAction} retryAction={retryEmailAction} />
 * with the actions from app/admin/crm/email/actions.ts (they revalidate /admin/crm/lead/<id>).
 */
export function LeadEmailPanel({ data, sendAction, retryAction }: TProps) {
  const usable = data.recipients.filter((r) => !r.suppressed);
  const [templateId, setTemplateId] = useState("");
  const [to, setTo] = useState(usable[0]?.email ?? "");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const clearAfterSend = useCallback((answer: { ok: boolean }) => {
    if (!answer.ok) return;
    setTemplateId("");
    setSubject("");
    setBody("");
  }, []);
  const [state, send, sending] = useActionState(useIdempotentAction(sendAction, clearAfterSend), undefined);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    const t = data.templates.find((x) => String(x.id) === id);
    setSubject(t?.subject ?? "");
    setBody(t?.body ?? "");
  };
  const recipient = data.recipients.find((r) => r.email === to);
  const rendered = renderTemplate({ subject, body }, recipient?.values ?? {});
  const blocked = !to || !subject.trim() || !body.trim() || rendered.missing.length > 0 || rendered.unknown.length > 0;

  return (
    <section aria-labelledby="lead-email-heading" className="space-y-4 rounded-lg border bg-white p-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="lead-email-heading" className="text-lg font-semibold">
          Email
        </h2>
        {data.outbox ? (
          <span role="note" className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">
            Outbox mode: emails are kept in the Outbox, not sent
          </span>
        ) : null}
      </div>

      {!data.canSend ? (
        <p className="text-sm text-slate-600">{data.cannotSend}</p>
      ) : data.recipients.length === 0 ? (
        <p className="text-sm text-slate-600">This lead has no email address yet: add a contact with an email first.</p>
      ) : (
        <form action={send} className="grid items-start grid-cols-1 gap-4 lg:grid-cols-2">
          <div className="space-y-3">
            <input type="hidden" name="leadId" value={data.leadId} />
            <SelectField
              label="Template"
              className="block text-sm font-medium"
              selectClassName={input}
              name="templateId"
              value={templateId}
              onChange={(e) => chooseTemplate(e.target.value)}
              placeholder={{ label: "— Write your own —" }}
              options={data.templates.map((t) => ({
                value: String(t.id),
                label: `${t.name}${t.shared ? "" : " (personal)"}`,
              }))}
            />
            <SelectField
              label="To"
              className="block text-sm font-medium"
              selectClassName={input}
              name="to"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              errors={state?.errors?.to}
              options={data.recipients.map((r) => ({
                value: r.email,
                label: `${r.label}${r.suppressed ? ` — suppressed (${r.suppressed})` : ""}`,
                disabled: !!r.suppressed,
              }))}
            />
            <label className="block text-sm font-medium">
              Subject
              <input name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} className={input} />
              <FieldError errors={state?.errors?.subject} />
            </label>
            <label className="block text-sm font-medium">
              Message
              <textarea ref={bodyRef} name="body" rows={10} value={body} onChange={(e) => setBody(e.target.value)} className={`${input} text-sm`} />
              <FieldError errors={state?.errors?.body} />
            </label>
            <VariablePicker onPick={(token) => setBody((b) => insertAt(bodyRef.current, b, token))} />
            <div className="flex flex-wrap items-center gap-3">
              <button disabled={sending || blocked} className="rounded bg-brand-600 px-4 py-2 text-white disabled:opacity-60">
                {sending ? "Sending…" : data.outbox ? "Send (to outbox)" : "Send email"}
              </button>
            </div>
          </div>
          {subject || body ? (
            <EmailPreview label="Email preview" rendered={rendered} to={recipient?.label} />
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-500">
              Pick a template or write a message: it appears here filled in for this lead, exactly as it will be sent.
            </p>
          )}
        </form>
      )}

      <LeadEmailList leadId={data.leadId} messages={data.messages} canSend={data.canSend} retryAction={retryAction} />
    </section>
  );
}
