"use client";

import { useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { CONVERSION_TYPE_LABELS, CONVERSION_TYPES } from "@/lib/leads/lead-vocabulary";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { DialogFormFooter, ModalDialog } from "@/components/leads/modal-dialog";
import { useFormAction } from "@/components/leads/use-form-action";
import { inputClass, primaryButton, secondaryButton } from "@/components/leads/ui-classes";

/** "Mark as converted": the value is required; type, order and notes are optional. */
export function ConvertLeadDialog({
  leadId,
  estimatedValue,
  action,
}: {
  leadId: number;
  estimatedValue: number;
  action: TFormAction;
}) {
  const [open, setOpen] = useState(false);
  const { state, pending, formAction, onSubmit } = useFormAction(action, () => setOpen(false));
  return (
    <>
      <button
        type="button"
        className={`${secondaryButton} border-green-600 text-green-800 hover:bg-green-50`}
        onClick={() => setOpen(true)}
      >
        Convert…
      </button>
      {state?.ok ? <FormMessage state={state} /> : null}
      <ModalDialog open={open} onClose={() => setOpen(false)} title="Mark as converted">
        <form action={formAction} onSubmit={onSubmit} className="grid gap-3">
          <input type="hidden" name="lead_id" value={leadId} />
          <label className="text-sm font-medium">
            Value (USD, required)
            <input
              name="conversion_value"
              inputMode="decimal"
              required
              autoFocus
              placeholder={estimatedValue ? String(estimatedValue) : "1250.00"}
              className={inputClass}
              aria-invalid={!!state?.errors?.conversion_value}
            />
            <FieldError errors={state?.errors?.conversion_value} />
          </label>
          <label className="text-sm font-medium">
            How it converted
            <select name="conversion_type" className={inputClass} defaultValue="order_placed">
              {CONVERSION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {CONVERSION_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            Order id
            <input name="order_id" maxLength={100} className={inputClass} />
            <FieldError errors={state?.errors?.order_id} />
          </label>
          <DialogFormFooter
            state={state}
            pending={pending}
            onCancel={() => setOpen(false)}
            submitLabel="Convert lead"
            submitClassName={primaryButton}
            notesClassName={inputClass}
          />
        </form>
      </ModalDialog>
    </>
  );
}
