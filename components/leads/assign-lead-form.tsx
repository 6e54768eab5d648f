"use client";

import { useActionState, useId } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { FieldError } from "@/components/ui/field-error";
import { secondaryButton } from "@/components/leads/ui-classes";

export type TAssignee = { id: number; name: string };

/** The manager's "assign to": any active team member, the current holder left out. */
export function AssignLeadForm({
  leadId,
  assignees,
  currentId,
  action,
}: {
  leadId: number;
  assignees: TAssignee[];
  currentId: number | null;
  action: TFormAction;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const id = useId();
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="lead_id" value={leadId} />
      <label htmlFor={id} className="text-sm font-medium">
        {currentId ? "Reassign to" : "Assign to"}
        <select
          id={id}
          name="admin_id"
          required
          className="mt-1 block rounded border border-slate-300 bg-white px-3 py-2 text-sm"
          defaultValue=""
        >
          <option value="" disabled>
            Choose…
          </option>
          {assignees
            .filter((a) => a.id !== currentId)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
      </label>
      <button disabled={pending} className={secondaryButton}>
        {pending ? "Assigning…" : "Assign"}
      </button>
      <FieldError errors={state?.errors?.admin_id} />
      <FormMessage state={state} />
    </form>
  );
}
