"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { useRouter } from "next/navigation";
import type { TFormAction } from "@/lib/action-state";
import { renderTemplate } from "@/lib/email/render-template";
import type { TVariableValues } from "@/lib/email/template-variables";
import { FieldError } from "@/components/ui/field-error";
import { SelectField } from "@/components/ui/select-field";
import { EmailPreview } from "@/components/email/email-preview";
import { insertAt, VariablePicker } from "@/components/email/variable-picker";
import { useIdempotentAction } from "@/components/email/use-idempotent-action";

type TTemplate = { id: number; name: string; subject: string; body: string; version: number; shared: boolean; canEdit: boolean };
type TProps = {
  template: TTemplate | null;
  canShare: boolean;
  previewLeads: { id: number; label: string; values: TVariableValues }[];
  initialPreviewLeadId?: number;
  saveAction: TFormAction<{ id: number }>;
  testAction: TFormAction;
};

const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";

export function TemplateEditor({ template, canShare, previewLeads, initialPreviewLeadId, saveAction, testAction }: TProps) {
  const router = useRouter();
  const [name, setName] = useState(template?.name ?? "");
  const [subject, setSubject] = useState(template?.subject ?? "");
  const [body, setBody] = useState(template?.body ?? "");
  const [leadId, setLeadId] = useState(initialPreviewLeadId ?? previewLeads[0]?.id ?? 0);
  const { state: saved, formAction: save, onSubmit: onSave, pending: saving } = useFormAction(saveAction);
  const [, test, testing] = useActionState(useIdempotentAction(testAction), undefined);
  const focused = useRef<{ field: "subject" | "body"; el: HTMLInputElement | HTMLTextAreaElement } | null>(null);
  // A shared template a rep cannot change is saved as the rep's own copy.
  const asCopy = template !== null && !template.canEdit;

  useEffect(() => {
    if (saved?.ok && saved.data && saved.data.id !== template?.id) router.push(`/admin/crm/templates/${saved.data.id}`);
  }, [saved, template?.id, router]);

  const values = previewLeads.find((l) => l.id === leadId)?.values ?? {};
  const rendered = renderTemplate({ subject, body }, values);
  const pick = (token: string) => {
    if (focused.current?.field === "subject") setSubject((s) => insertAt(focused.current!.el, s, token));
    else setBody((b) => insertAt(focused.current?.el ?? null, b, token));
  };

  return (
    <div className="grid items-start grid-cols-1 gap-6 lg:grid-cols-2">
      <form action={save} onSubmit={onSave} className="space-y-3">
        {template && !asCopy ? (
          <>
            <input type="hidden" name="id" value={template.id} />
            <input type="hidden" name="expectedVersion" value={template.version} />
          </>
        ) : null}
        <label className="block text-sm font-medium">
          Name
          <input name="name" required value={asCopy && name === template.name ? `${name} (my copy)` : name} onChange={(e) => setName(e.target.value)} className={input} />
          <FieldError errors={saved?.errors?.name} />
        </label>
        <label className="block text-sm font-medium">
          Subject
          <input
            name="subject"
            required
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            onFocus={(e) => (focused.current = { field: "subject", el: e.currentTarget })}
            className={input}
          />
          <FieldError errors={saved?.errors?.subject} />
        </label>
        <label className="block text-sm font-medium">
          Body
          <textarea
            name="body"
            required
            rows={12}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onFocus={(e) => (focused.current = { field: "body", el: e.currentTarget })}
            className={`${input} font-mono text-sm`}
          />
          <FieldError errors={saved?.errors?.body} />
        </label>
        <VariablePicker onPick={pick} />
        {template === null && canShare ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="shared" value="true" defaultChecked /> Shared with every rep
          </label>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <button disabled={saving} className="rounded bg-brand-600 px-4 py-2 text-white disabled:opacity-60">
            {saving ? "Saving…" : asCopy ? "Save as my copy" : template ? `Save as version ${template.version + 1}` : "Create template"}
          </button>
        </div>
        {asCopy ? <p className="text-sm text-slate-600">Shared templates are the manager&apos;s; your changes are saved as a personal template.</p> : null}
      </form>

      <div className="space-y-3">
        <SelectField
          label="Preview with"
          className="block text-sm font-medium"
          selectClassName={input}
          value={leadId}
          onChange={(e) => setLeadId(Number(e.target.value))}
          options={previewLeads.map((l) => ({ value: String(l.id), label: l.label }))}
        />
        <EmailPreview rendered={rendered} />
        <form action={test} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="subject" value={subject} />
          <input type="hidden" name="body" value={body} />
          <input type="hidden" name="leadId" value={leadId} />
          <button disabled={testing} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60">
            {testing ? "Sending…" : "Send me a test"}
          </button>
        </form>
      </div>
    </div>
  );
}
