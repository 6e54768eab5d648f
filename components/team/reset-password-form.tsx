"use client";

import { useId } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { smallButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";

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
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    onSuccess: (_s, form) => form?.reset(),
  });
  const id = useId();
  return (
    <details className="text-left text-sm">
      <summary className="cursor-pointer text-brand-700 underline">Reset password</summary>
      <form action={formAction} onSubmit={onSubmit} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={userId} />
        <label htmlFor={id}>
          New password for {name}
          <input
            id={id}
            name="password"
            type="password"
            required
            minLength={8}
            autoComplete="new-password"
            className="mt-1 block rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button disabled={pending} className={smallButton}>
          {pending ? "Saving…" : "Set password"}
        </button>
        <FieldError errors={state?.errors?.password} />
      </form>
    </details>
  );
}
