"use client";

import type { TFormAction } from "@/lib/action-state";
import { secondaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";

/** One button that posts hidden fields to a server action; the answer is a toast. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  className = secondaryButton,
  ariaLabel,
  success,
}: {
  action: TFormAction;
  fields: Record<string, string | number>;
  label: string;
  pendingLabel?: string;
  className?: string;
  ariaLabel?: string;
  /** Said when the server's answer carries no message. */
  success?: string;
}) {
  const { pending, formAction, onSubmit } = useFormAction(action, { success });
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline-flex">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button disabled={pending} className={className} aria-label={ariaLabel}>
        {pending ? (pendingLabel ?? `${label}…`) : label}
      </button>
    </form>
  );
}
