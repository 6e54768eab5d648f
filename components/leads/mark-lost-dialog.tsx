"use client";

import { useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { DialogFormFooter, ModalDialog } from "@/components/ui/modal-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { dangerButton, inputClass } from "@/components/ui/classes";

export const LOST_REASONS = [
  "Went with another escort company",
  "Price too high",
  "Load cancelled",
  "No response after several attempts",
  "Not a fit",
];

/** "Mark as lost": a reason is required (pick one or write one). */
export function MarkLostDialog({ leadId, action }: { leadId: number; action: TFormAction }) {
  const [open, setOpen] = useState(false);
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    onSuccess: () => setOpen(false),
    success: "Marked lost",
    failure: "inline",
  });
  return (
    <>
      <button type="button" className={dangerButton} onClick={() => setOpen(true)}>
        Mark lost…
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title="Mark as lost">
        <form action={formAction} onSubmit={onSubmit} className="grid gap-3">
          <input type="hidden" name="lead_id" value={leadId} />
          <label className="text-sm font-medium">
            Reason (required)
            <input
              name="reason"
              list={`lost-reasons-${leadId}`}
              required
              maxLength={500}
              autoFocus
              className={inputClass}
              aria-invalid={!!state?.errors?.reason}
            />
            <datalist id={`lost-reasons-${leadId}`}>
              {LOST_REASONS.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
            <FieldError errors={state?.errors?.reason} />
          </label>
          <DialogFormFooter
            state={state}
            pending={pending}
            onCancel={() => setOpen(false)}
            submitLabel="Mark lost"
            submitClassName={dangerButton}
            notesClassName={inputClass}
          />
        </form>
      </ModalDialog>
    </>
  );
}
