"use client";

import { useActionState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

export function CreateUserForm({ action }: { action: TFormAction }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2">
      <label className="text-sm font-medium">
        Name
        <input name="name" required className={input} />
        <FieldError errors={state?.errors?.name} />
      </label>
      <label className="text-sm font-medium">
        Email
        <input name="email" type="email" required className={input} />
        <FieldError errors={state?.errors?.email} />
      </label>
      <label className="text-sm font-medium">
        Phone
        <input name="phone" type="tel" className={input} />
      </label>
      <label className="text-sm font-medium">
        Role
        <select name="role" className={input} defaultValue="admin">
          <option value="admin">Rep</option>
          <option value="super_admin">Manager</option>
        </select>
      </label>
      <label className="text-sm font-medium sm:col-span-2">
        Temporary password (at least 12 characters)
        <input name="password" type="password" required minLength={12} className={input} autoComplete="new-password" />
        <FieldError errors={state?.errors?.password} />
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white disabled:opacity-60">
          {pending ? "Saving…" : "Add user"}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
