"use client";

import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { secondaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * A small form bound to one server action: hidden fields, the caller's inputs, a submit button;
 * the answer is a toast, and field errors go under the field named `errorField`.
 */
export function ActionForm({
  action,
  hidden = {},
  submit,
  errorField,
  success,
  className = "flex flex-wrap items-end gap-2",
  buttonClass = secondaryButton,
  children,
}: {
  action: TFormAction;
  hidden?: Record<string, string | number>;
  submit: string;
  errorField?: string;
  /** Said when the server's answer carries no message. */
  success?: string;
  className?: string;
  buttonClass?: string;
  children?: React.ReactNode;
}) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, { success });
  return (
    <form action={formAction} onSubmit={onSubmit} className={className}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <button disabled={pending} className={`${buttonClass} disabled:opacity-60`}>
        {pending ? "Saving…" : submit}
      </button>
      {errorField ? <FieldError errors={state?.errors?.[errorField]} /> : null}
    </form>
  );
}
