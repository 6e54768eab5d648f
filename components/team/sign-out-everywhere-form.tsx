"use client";

import { signOut } from "next-auth/react";
import type { TFormAction } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

/** Ends every session of this user on the server (this browser's too), then back to the login page. */
export function SignOutEverywhereForm({ action }: { action: TFormAction }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    onSuccess: () => void signOut({ callbackUrl: "/login" }),
  });
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-center gap-3">
      <button disabled={pending} className="rounded border border-red-300 px-4 py-2 text-red-800 hover:bg-red-50 disabled:opacity-60">
        {pending ? "Signing out…" : "Sign out everywhere"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
