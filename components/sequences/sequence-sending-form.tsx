"use client";

import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { compactInputClass, primaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";
import { WeeklyHoursFields } from "@/components/ui/weekly-hours-fields";

/** The manager's sending window for sequences and the per-rep daily cap (company setting `sequence_sending`). */
export function SequenceSendingForm({
  settings,
  action,
}: {
  settings: { days: number[]; start: string; end: string; dailyCapPerRep: number };
  action: TFormAction;
}) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, { success: "Sending window saved" });
  const errors = state?.errors ?? {};
  const err = (name: string) => (errors[name]?.length ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3" data-testid="sequence-sending">
      <WeeklyHoursFields
        names={{ days: "sendDays", start: "sendStart", end: "sendEnd" }}
        hours={settings}
        errors={errors}
        legend="Sending days"
        startLabel="From (company time)"
        endLabel="Until"
      />
      <label className="text-sm font-medium">
        Emails and texts per rep per day
        <input name="dailyCapPerRep" type="number" min={1} max={10000} required defaultValue={settings.dailyCapPerRep} className={`mt-1 block w-full ${compactInputClass}`} {...err("dailyCapPerRep")} />
        <FieldError id="dailyCapPerRep-error" errors={errors.dailyCapPerRep} />
      </label>
      <div>
        <button disabled={pending} className={`${primaryButton} w-fit disabled:opacity-60`}>
          {pending ? "Saving…" : "Save sending window"}
        </button>
      </div>
    </form>
  );
}
