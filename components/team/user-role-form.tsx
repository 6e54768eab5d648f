"use client";

import type { TFormAction } from "@/lib/action-state";
import { smallButton } from "@/components/ui/classes";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/ui/use-form-action";

const ROLE_OPTIONS = [
  { value: "admin", label: "Rep" },
  { value: "super_admin", label: "Manager" },
];

/** Rep or manager: pick, then Save. */
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
  const { pending, formAction, onSubmit } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline-flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        name="role"
        label={<span className="sr-only">Role of {name}</span>}
        defaultValue={role}
        options={ROLE_OPTIONS}
        className=""
        selectClassName="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
      />
      <button disabled={pending} className={smallButton}>
        Save
      </button>
    </form>
  );
}
