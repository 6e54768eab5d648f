"use client";

import { signOut } from "next-auth/react";
import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { useFormAction } from "@/components/ui/use-form-action";

/** Changing the password ends every session, this one included: back to the login page. */
export function OwnPasswordForm({ action }: { action: TFormAction }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    onSuccess: () => void signOut({ callbackUrl: "/login" }),
  });
  const input = "mt-1 block w-64 rounded border border-slate-300 px-3 py-2";
  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-3">
      <label className="text-sm font-medium">
        Current password
        <input
          name="currentPassword"
          type="password"
          required
          autoComplete="current-password"
          className={input}
        />
        <FieldError errors={state?.errors?.currentPassword} />
      </label>
      <label className="text-sm font-medium">
        New password (8–72 characters)
        <input
          name="newPassword"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          className={input}
        />
        <FieldError errors={state?.errors?.newPassword} />
      </label>
      <div className="flex items-center gap-3">
        <button disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white disabled:opacity-60">
          {pending ? "Saving…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
