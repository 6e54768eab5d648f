"use client";

import { useActionState, useId } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

/** The manager gives someone a temporary password (their sessions end). */
export function ResetPasswordForm({
  userId,
  name,
  action,
}: {
  userId: number;
  name: string;
  action: TFormAction;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const id = useId();
  return (
    <details className="text-left text-sm">
      <summary className="cursor-pointer text-brand-700 underline">Reset password</summary>
      <form action={formAction} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={userId} />
        <label htmlFor={id}>
          New password for {name}
          <input
            id={id}
            name="password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            className="mt-1 block rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button disabled={pending} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
          {pending ? "Saving…" : "Set password"}
        </button>
        <FieldError errors={state?.errors?.password} />
        <FormMessage state={state} />
      </form>
    </details>
  );
}
