"use client";

import { useActionState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

export function OwnPhoneForm({ phone, action }: { phone: string | null; action: TFormAction }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
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
      <button disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white disabled:opacity-60">
        {pending ? "Saving…" : "Save phone"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
