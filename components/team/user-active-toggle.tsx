"use client";

import { useActionState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";

export function UserActiveToggle({ userId, active, action }: { userId: number; active: boolean; action: TFormAction }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button disabled={pending} className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
        {active ? "Deactivate" : "Reactivate"}
      </button>
      <FormMessage state={state?.ok ? undefined : state} />
    </form>
  );
}
