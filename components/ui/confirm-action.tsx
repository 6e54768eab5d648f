"use client";

import { useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { dangerButton, secondaryButton } from "@/components/ui/classes";
import { FormMessage } from "@/components/ui/form-message";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * A destructive step behind a confirmation: the button opens a modal dialog that says what will
 * happen; Cancel (or Escape) changes nothing, the confirm button posts the hidden fields. A
 * refusal stays in the dialog; success closes it and says so in a toast.
 */
export function ConfirmAction({
  action,
  fields,
  label,
  ariaLabel,
  title,
  children,
  confirmLabel,
  success,
  className = dangerButton,
}: {
  action: TFormAction;
  fields: Record<string, string | number>;
  label: React.ReactNode;
  ariaLabel?: string;
  title: string;
  /** What will happen, in the user's words. */
  children: React.ReactNode;
  confirmLabel: string;
  success?: string;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    success,
    failure: "inline",
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <button type="button" className={className} aria-label={ariaLabel} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title={title}>
        <form action={formAction} onSubmit={onSubmit} className="grid gap-4">
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <div className="text-sm text-slate-700">{children}</div>
          <FormMessage state={state} />
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButton} onClick={() => setOpen(false)} autoFocus>
              Cancel
            </button>
            <button disabled={pending} className={dangerButton}>
              {pending ? "Working…" : confirmLabel}
            </button>
          </div>
        </form>
      </ModalDialog>
    </>
  );
}
