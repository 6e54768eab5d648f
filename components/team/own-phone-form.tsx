"use client";

import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { primaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";

export function OwnPhoneForm({ phone, action }: { phone: string | null; action: TFormAction }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <label className="text-sm font-medium">
        Your phone (shown to customers in emails)
        <input
          name="phone"
          type="tel"
          defaultValue={phone ?? ""}
          className="mt-1 block w-64 rounded border border-slate-300 px-3 py-2"
        />
        <FieldError errors={state?.errors?.phone} />
      </label>
      <button disabled={pending} className={primaryButton}>
        {pending ? "Saving…" : "Save phone"}
      </button>
    </form>
  );
}
