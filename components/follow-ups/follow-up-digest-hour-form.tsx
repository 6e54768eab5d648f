"use client";

import type { TFormAction } from "@/lib/action-state";
import { primaryButton } from "@/components/ui/classes";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/ui/use-form-action";

const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${h}:00` }));

/** The manager's hour (company time) from which everyone's morning email goes out. */
export function FollowUpDigestHourForm({ hour, action }: { hour: number; action: TFormAction }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, { success: "Saved." });
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
      <SelectField name="hour" label="Send from (company time)" defaultValue={String(hour)} options={HOURS} errors={state?.errors?.hour} />
      <button disabled={pending} className={primaryButton}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
