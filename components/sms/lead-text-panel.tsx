"use client";

import { useActionState, useCallback, useRef, useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { renderTemplate } from "@/lib/email/render-template";
import type { TVariableValues } from "@/lib/email/template-variables";
import { MAX_TEXT_LENGTH } from "@/lib/sms/text-limits";
import { FieldError } from "@/components/ui/field-error";
import { SelectField } from "@/components/ui/select-field";
import { primaryButton } from "@/components/ui/classes";
import { useIdempotentAction } from "@/components/email/use-idempotent-action";
import { insertAt, VariablePicker } from "@/components/email/variable-picker";

// Plain data from getLeadTextPanel (lib/sms/get-lead-text-panel.ts).
export type TLeadTextPanelData = {
  leadId: number;
  canSend: boolean;
  cannotSend: string | null;
  outbox: boolean;
  /** Why a text cannot go now (outside the lead's texting hours, with the next allowed time). */
  closed: string | null;
  recipients: { phone: string; label: string; values: TVariableValues; optedOut: boolean }[];
  templates: { id: number; name: string; body: string }[];
};

const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";

/**
 * The lead page's text composer: a text template or free text with {{variables}}, filled in for
 * the chosen number as it will be sent. Sent texts and replies show in the lead's history.
 */
export function LeadTextPanel({ data, sendAction }: { data: TLeadTextPanelData; sendAction: TFormAction }) {
  const usable = data.recipients.filter((r) => !r.optedOut);
  const [templateId, setTemplateId] = useState("");
  const [to, setTo] = useState(usable[0]?.phone ?? "");
  const [body, setBody] = useState("");
  const clearAfterSend = useCallback((answer: { ok: boolean }) => {
    if (!answer.ok) return;
    setTemplateId("");
    setBody("");
  }, []);
  const [state, send, sending] = useActionState(useIdempotentAction(sendAction, clearAfterSend), undefined);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    setBody(data.templates.find((x) => String(x.id) === id)?.body ?? "");
  };
  const recipient = data.recipients.find((r) => r.phone === to);
  const rendered = renderTemplate({ subject: "", body }, recipient?.values ?? {});
  const blocked = !to || !body.trim() || rendered.missing.length > 0 || rendered.unknown.length > 0 || rendered.text.length > MAX_TEXT_LENGTH;

  return (
    <section aria-labelledby="lead-text-heading" className="space-y-4 rounded-lg border bg-white p-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="lead-text-heading" className="text-lg font-semibold">
          Text message
        </h2>
        {data.outbox ? (
          <span role="note" className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">
            Outbox mode: texts are kept, not sent
          </span>
        ) : null}
      </div>

      {!data.canSend ? (
        <p className="text-sm text-slate-600">{data.cannotSend}</p>
      ) : data.recipients.length === 0 ? (
        <p className="text-sm text-slate-600">This lead has no phone number yet: add one to the company or a contact first.</p>
      ) : (
        <form action={send} className="space-y-3">
          {data.closed ? (
            <p role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
              {data.closed}
            </p>
          ) : null}
          <input type="hidden" name="leadId" value={data.leadId} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <SelectField
              label="Text template"
              className="block text-sm font-medium"
              selectClassName={input}
              name="templateId"
              value={templateId}
              onChange={(e) => chooseTemplate(e.target.value)}
              placeholder={{ label: "— Write your own —" }}
              options={data.templates.map((t) => ({ value: String(t.id), label: t.name }))}
            />
            <SelectField
              label="Text to"
              className="block text-sm font-medium"
              selectClassName={input}
              name="to"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              errors={state?.errors?.to}
              options={data.recipients.map((r) => ({ value: r.phone, label: `${r.label}${r.optedOut ? " — opted out (STOP)" : ""}`, disabled: r.optedOut }))}
            />
          </div>
          <label className="block text-sm font-medium">
            Text
            <textarea ref={bodyRef} name="body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} className={`${input} text-sm`} />
            <FieldError errors={state?.errors?.body} />
          </label>
          <VariablePicker onPick={(token) => setBody((b) => insertAt(bodyRef.current, b, token))} />
          {body ? (
            <div className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">
              <p className="mb-1 font-medium">As it will be sent ({rendered.text.length} of {MAX_TEXT_LENGTH} characters)</p>
              <p className="whitespace-pre-wrap" data-testid="text-preview">
                {rendered.text}
              </p>
              {rendered.missing.length ? <p className="mt-1 text-red-700">No value on this lead for: {rendered.missing.map((m) => `{{${m}}}`).join(", ")}</p> : null}
            </div>
          ) : null}
          <button disabled={sending || blocked} className={`${primaryButton} disabled:opacity-60`}>
            {sending ? "Sending…" : data.outbox ? "Send text (to outbox)" : "Send text"}
          </button>
        </form>
      )}
    </section>
  );
}
