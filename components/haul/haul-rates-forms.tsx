"use client";

import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { compactInputClass, secondaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";

/** The escort-mile rate, in dollars. */
export function EscortMileRateForm({ action, rate }: { action: TFormAction; rate: number }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, { success: "Rate saved" });
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <div className="text-sm font-medium">
        <label htmlFor="escort-mile-rate">Per escort-mile ($)</label>
        <input
          id="escort-mile-rate"
          name="escortMileRate"
          type="number"
          step="0.01"
          min={0}
          defaultValue={rate.toFixed(2)}
          className={`${compactInputClass} ml-2 w-28`}
        />
        <FieldError errors={state?.errors?.escortMileRate} />
      </div>
      <button disabled={pending} className={secondaryButton}>
        {pending ? "Saving…" : "Save rate"}
      </button>
    </form>
  );
}

/** One state's permit fee; empty means unknown. */
export function PermitFeeForm({
  action,
  state: code,
  fee,
}: {
  action: TFormAction;
  state: string;
  fee: number | null;
}) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    success: `Permit fee for ${code} saved`,
  });
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="state" value={code} />
      <div className="text-sm font-medium">
        <label htmlFor={`permit-fee-${code}`}>Permit fee in {code} ($, empty = unknown)</label>
        <input
          id={`permit-fee-${code}`}
          name="permitFee"
          type="number"
          step="0.01"
          min={0}
          defaultValue={fee ?? ""}
          className={`${compactInputClass} ml-2 w-28`}
        />
        <FieldError errors={state?.errors?.permitFee} />
      </div>
      <button disabled={pending} className={secondaryButton}>
        {pending ? "Saving…" : "Save fee"}
      </button>
    </form>
  );
}
