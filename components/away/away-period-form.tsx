"use client";

import { useId } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { inputClass, primaryButton } from "@/components/ui/classes";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/ui/use-form-action";

type TPerson = { id: number; name: string };

/**
 * Set an away period: from and to are company days (the whole last day included); the manager
 * also picks whose. Refusals (overlap, cover away then) come back under their field.
 */
export function AwayPeriodForm({ action, people, selfId, manager }: { action: TFormAction; people: TPerson[]; selfId: number; manager: boolean }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    success: "Away period saved",
    onSuccess: (_s, form) => form?.reset(),
  });
  const id = useId();
  const err = (f: string) => state?.errors?.[f];
  const field = (name: string, label: string, type: string) => (
    <div className="text-sm font-medium">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        type={type}
        required={type === "date"}
        className={inputClass}
        aria-invalid={err(name) ? true : undefined}
        aria-describedby={err(name) ? `${id}-${name}-error` : undefined}
        maxLength={type === "text" ? 500 : undefined}
      />
      <FieldError id={`${id}-${name}-error`} errors={err(name)} />
    </div>
  );
  const options = people.map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-3 rounded-lg border bg-white p-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Set an away period">
      {manager ? (
        <SelectField label="Who is away" name="user_id" defaultValue={String(selfId)} options={options} errors={err("user_id")} />
      ) : null}
      <SelectField
        label="Covered by"
        name="cover_user_id"
        required
        defaultValue=""
        placeholder={{ label: "Choose a teammate…", disabled: true }}
        options={options.filter((o) => manager || o.value !== String(selfId))}
        errors={err("cover_user_id")}
      />
      {field("starts_at", "From (first day away)", "date")}
      {field("ends_at", "To (last day away)", "date")}
      {field("note", "Note (optional)", "text")}
      <div className="flex items-end">
        <button disabled={pending} className={`${primaryButton} disabled:opacity-60`}>
          {pending ? "Saving…" : "Set away period"}
        </button>
      </div>
    </form>
  );
}
