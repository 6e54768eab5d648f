"use client";

import Link from "next/link";
import type { TFormAction } from "@/lib/action-state";
import { STATE_CODES } from "@/lib/geo/us-states";
import { FieldError } from "@/components/ui/field-error";
import { inputClass, primaryButton } from "@/components/ui/classes";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/ui/use-form-action";

const STATE_OPTIONS = STATE_CODES.map((s) => ({ value: s, label: s }));

/** A lead entered by hand for this company (a phone inquiry): source "manual". */
export function ManualLeadForm({
  companyId,
  action,
}: {
  companyId: number;
  action: TFormAction<{ id: number }>;
}) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    success: "Lead created",
    onSuccess: (_s, form) => form?.reset(),
  });
  const e = state?.errors;
  const stateSelect = (name: string, label: string) => (
    <SelectField name={name} label={label} defaultValue="" placeholder={{ label: "—" }} options={STATE_OPTIONS} errors={e?.[name]} />
  );
  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label="New lead by hand">
      <input type="hidden" name="company_id" value={companyId} />
      <label className="text-sm font-medium sm:col-span-2">
        What do they need? (required)
        <textarea name="description" required rows={2} maxLength={2000} className={inputClass} />
        <FieldError errors={e?.description} />
      </label>
      <label className="text-sm font-medium">
        Origin city
        <input name="origin_city" className={inputClass} />
      </label>
      {stateSelect("origin_state", "Origin state")}
      <label className="text-sm font-medium">
        Destination city
        <input name="destination_city" className={inputClass} />
      </label>
      {stateSelect("destination_state", "Destination state")}
      <label className="text-sm font-medium">
        Miles
        <input name="miles" inputMode="numeric" className={inputClass} />
        <FieldError errors={e?.miles} />
      </label>
      <label className="text-sm font-medium">
        Estimated value (USD)
        <input name="estimated_value" inputMode="decimal" className={inputClass} />
        <FieldError errors={e?.estimated_value} />
      </label>
      <label className="inline-flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="assign_to_me" defaultChecked /> Assign it to me
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button disabled={pending} className={primaryButton}>
          {pending ? "Creating…" : "Create lead"}
        </button>
        {state?.ok && state.data ? (
          <Link href={`/admin/crm/lead/${state.data.id}`} className="text-sm underline">
            Open lead #{state.data.id}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
