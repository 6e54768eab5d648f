"use client";

import type { TFormAction } from "@/lib/action-state";
import { secondaryButton } from "@/components/ui/classes";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/ui/use-form-action";

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
  const { state, pending, formAction, onSubmit } = useFormAction(action, { success: "Assigned" });
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="lead_id" value={leadId} />
      <SelectField
        name="admin_id"
        label={currentId ? "Reassign to" : "Assign to"}
        required
        defaultValue=""
        placeholder={{ label: "Choose…", disabled: true }}
        options={assignees.filter((a) => a.id !== currentId).map((a) => ({ value: String(a.id), label: a.name }))}
        errors={state?.errors?.admin_id}
        selectClassName="mt-1 block rounded border border-slate-300 bg-white px-3 py-2 text-sm"
      />
      <button disabled={pending} className={secondaryButton}>
        {pending ? "Assigning…" : "Assign"}
      </button>
    </form>
  );
}
