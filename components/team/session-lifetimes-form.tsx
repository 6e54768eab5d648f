"use client";

import { useActionState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

/** The manager's session lifetimes (company settings). */
export function SessionLifetimesForm({ idleMinutes, absoluteHours, action }: { idleMinutes: number; absoluteHours: number; action: TFormAction }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const input = "mt-1 block w-32 rounded border border-slate-300 px-3 py-2";
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <label className="text-sm font-medium">
        Idle timeout (minutes)
        <input name="sessionIdleMinutes" type="number" min={5} max={1440} required defaultValue={idleMinutes} className={input} />
        <FieldError errors={state?.errors?.sessionIdleMinutes} />
      </label>
      <label className="text-sm font-medium">
        Longest session (hours)
        <input name="sessionAbsoluteHours" type="number" min={1} max={72} required defaultValue={absoluteHours} className={input} />
        <FieldError errors={state?.errors?.sessionAbsoluteHours} />
      </label>
      <button disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white disabled:opacity-60">
        {pending ? "Saving…" : "Save"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
