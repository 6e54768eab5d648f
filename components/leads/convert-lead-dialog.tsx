"use client";

import { useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { CONVERSION_TYPE_LABELS, CONVERSION_TYPES } from "@/lib/leads/lead-vocabulary";
import { FieldError } from "@/components/ui/field-error";
import { DialogFormFooter, ModalDialog } from "@/components/ui/modal-dialog";
import { formatMoney } from "@/components/leads/format";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { inputClass, primaryButton, secondaryButton } from "@/components/ui/classes";

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
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    onSuccess: () => setOpen(false),
    success: "Lead converted",
    failure: "inline",
  });
  return (
    <>
      <button
        type="button"
        className={`${secondaryButton} border-green-600 text-green-800 hover:bg-green-50`}
        onClick={() => setOpen(true)}
      >
        Convert…
      </button>
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
              className={inputClass}
              aria-invalid={!!state?.errors?.conversion_value}
              aria-describedby={`convert-value-hint-${leadId}`}
            />
            {/* A hint beside the field, not a placeholder: a grey number in the box read as a filled value. */}
            <span id={`convert-value-hint-${leadId}`} className="mt-1 block text-xs font-normal text-slate-600">
              {estimatedValue ? `Estimated: ${formatMoney(estimatedValue)}` : "The order's total, e.g. 1250.00"}
            </span>
            <FieldError errors={state?.errors?.conversion_value} />
          </label>
          <SelectField
            name="conversion_type"
            label="How it converted"
            defaultValue="order_placed"
            options={CONVERSION_TYPES.map((t) => ({ value: t, label: CONVERSION_TYPE_LABELS[t] }))}
            errors={state?.errors?.conversion_type}
          />
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
