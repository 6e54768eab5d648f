"use client";

import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { inputClass, primaryButton } from "@/components/ui/classes";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/ui/use-form-action";

const ROLE_OPTIONS = [
  { value: "admin", label: "Rep" },
  { value: "super_admin", label: "Manager" },
];

export function CreateUserForm({ action }: { action: TFormAction }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    onSuccess: (_s, form) => form?.reset(),
  });
  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
      <label className="text-sm font-medium">
        Name
        <input name="name" required className={inputClass} />
        <FieldError errors={state?.errors?.name} />
      </label>
      <label className="text-sm font-medium">
        Email
        <input name="email" type="email" required className={inputClass} />
        <FieldError errors={state?.errors?.email} />
      </label>
      <label className="text-sm font-medium">
        Phone
        <input name="phone" type="tel" className={inputClass} />
        <FieldError errors={state?.errors?.phone} />
      </label>
      <SelectField name="role" label="Role" defaultValue="admin" options={ROLE_OPTIONS} errors={state?.errors?.role} />
      <label className="text-sm font-medium sm:col-span-2">
        Temporary password (8–72 characters)
        <input name="password" type="password" required minLength={8} className={inputClass} autoComplete="new-password" />
        <FieldError errors={state?.errors?.password} />
      </label>
      <div className="sm:col-span-2">
        <button disabled={pending} className={primaryButton}>
          {pending ? "Saving…" : "Add user"}
        </button>
      </div>
    </form>
  );
}
