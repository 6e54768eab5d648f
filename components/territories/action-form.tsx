"use client";

import { useActionState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { FieldError } from "@/components/ui/field-error";

/**
 * A small form bound to one server action: hidden fields, the caller's inputs, a submit button,
 * and the action's message (field errors go under the field named `errorField`).
 */
export function ActionForm({
  action,
  hidden = {},
  submit,
  errorField,
  className = "flex flex-wrap items-end gap-2",
  buttonClass = "rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100",
  showSuccess = true,
  children,
}: {
  action: TFormAction;
  hidden?: Record<string, string | number>;
  submit: string;
  errorField?: string;
  className?: string;
  buttonClass?: string;
  showSuccess?: boolean;
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className={className}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <button disabled={pending} className={`${buttonClass} disabled:opacity-60`}>
        {pending ? "Saving…" : submit}
      </button>
      {errorField ? <FieldError errors={state?.errors?.[errorField]} /> : null}
      <FormMessage state={state && (showSuccess || !state.ok) ? state : undefined} />
    </form>
  );
}
