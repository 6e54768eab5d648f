"use client";

import { useActionState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { secondaryButton } from "@/components/leads/ui-classes";

/** One button that posts hidden fields to a server action and says how it went. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  className = secondaryButton,
  ariaLabel,
  confirm,
}: {
  action: TFormAction;
  fields: Record<string, string | number>;
  label: string;
  pendingLabel?: string;
  className?: string;
  ariaLabel?: string;
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form
      action={formAction}
      className="inline-flex flex-col items-start gap-1"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button disabled={pending} className={className} aria-label={ariaLabel}>
        {pending ? (pendingLabel ?? `${label}…`) : label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
