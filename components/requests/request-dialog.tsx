"use client";

import { useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { DialogFormFooter, ModalDialog } from "@/components/ui/modal-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { secondaryButton } from "@/components/ui/classes";

/**
 * One step of a request (propose, ask, approve, decline, accept, withdraw) as a button that opens a
 * dialog: hidden fields say which lead or request, `children` are the step's own fields (a reason,
 * an optional note). Refusals stay in the dialog; success closes it with a toast.
 */
export function RequestDialog({
  action,
  fields,
  label,
  title,
  submitLabel,
  buttonClassName = secondaryButton,
  submitClassName,
  testId,
  children,
}: {
  action: TFormAction;
  fields: Record<string, string | number>;
  label: string;
  title: string;
  submitLabel: string;
  buttonClassName?: string;
  submitClassName: string;
  testId?: string;
  children: (errors: Record<string, string[]> | undefined) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { state, pending, formAction, onSubmit } = useFormAction(action, { onSuccess: () => setOpen(false), failure: "inline" });
  return (
    <>
      <button type="button" className={buttonClassName} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title={title}>
        <form action={formAction} onSubmit={onSubmit} className="grid gap-3">
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          {children(state?.errors)}
          <DialogFormFooter state={state} pending={pending} onCancel={() => setOpen(false)} submitLabel={submitLabel} submitClassName={submitClassName} notesClassName={null} />
        </form>
      </ModalDialog>
    </>
  );
}
