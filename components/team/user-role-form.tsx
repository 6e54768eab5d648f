"use client";

import { useActionState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";

/** Rep or manager, changed as soon as the select changes (keyboard: pick, then Save). */
export function UserRoleForm({
  userId,
  name,
  role,
  action,
}: {
  userId: number;
  name: string;
  role: "admin" | "super_admin";
  action: TFormAction;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label>
        <span className="sr-only">Role of {name}</span>
        <select name="role" defaultValue={role} className="rounded border border-slate-300 px-2 py-1 text-sm">
          <option value="admin">Rep</option>
          <option value="super_admin">Manager</option>
        </select>
      </label>
      <button
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
      >
        Save
      </button>
      <FormMessage state={state} />
    </form>
  );
}
