"use client";

import { useRef, useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { MAX_TEXT_LENGTH } from "@/lib/sms/text-limits";
import { inputClass, primaryButton, smallButton } from "@/components/ui/classes";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FieldError } from "@/components/ui/field-error";
import { useFormAction } from "@/components/ui/use-form-action";
import { insertAt, VariablePicker } from "@/components/email/variable-picker";

type TTemplate = { id: number; name: string; body: string; version: number };

/** The manager's editor of one text template (a new one without `template`). */
export function TextTemplateForm({ template, save, archive }: { template?: TTemplate; save: TFormAction; archive?: TFormAction }) {
  const [body, setBody] = useState(template?.body ?? "");
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const { state, pending, formAction, onSubmit } = useFormAction(save, {
    onSuccess: (_s, form) => {
      if (!template) {
        form?.reset();
        setBody("");
      }
    },
  });
  const idPart = template ? `-${template.id}` : "-new";
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2" aria-label={template ? `Edit ${template.name}` : "New text template"}>
      {template ? (
        <>
          <input type="hidden" name="id" value={template.id} />
          <input type="hidden" name="expectedVersion" value={template.version} />
        </>
      ) : null}
      <label className="block text-sm font-medium" htmlFor={`tt-name${idPart}`}>
        Name
      </label>
      <input id={`tt-name${idPart}`} name="name" defaultValue={template?.name ?? ""} className={inputClass} />
      <FieldError errors={state?.errors?.name} />
      <label className="block text-sm font-medium" htmlFor={`tt-body${idPart}`}>
        Text ({body.length} of {MAX_TEXT_LENGTH} characters)
      </label>
      <textarea id={`tt-body${idPart}`} ref={bodyRef} name="body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} className={inputClass} />
      <FieldError errors={state?.errors?.body} />
      <VariablePicker onPick={(token) => setBody((b) => insertAt(bodyRef.current, b, token))} />
      <div className="flex flex-wrap items-center gap-2">
        <button disabled={pending} className={`${primaryButton} disabled:opacity-60`}>
          {pending ? "Saving…" : template ? "Save" : "Add text template"}
        </button>
        {template && archive ? (
          <ConfirmAction
            action={archive}
            fields={{ id: template.id }}
            label="Archive"
            ariaLabel={`Archive ${template.name}`}
            className={smallButton}
            title={`Archive “${template.name}”?`}
            confirmLabel="Archive text template"
            success={`Archived “${template.name}”`}
          >
            It disappears from the text composer. Texts already sent keep their words.
          </ConfirmAction>
        ) : null}
      </div>
    </form>
  );
}
