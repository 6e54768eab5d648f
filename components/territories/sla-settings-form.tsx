"use client";

import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { primaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";
import { WeeklyHoursFields } from "@/components/ui/weekly-hours-fields";

export type TSlaSettingsView = {
  slaTimers: { alertMinutes: number; escalateMinutes: number; autoReturnHours: number | null };
  businessHours: { days: number[]; start: string; end: string };
};

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm";

/** The manager's speed-to-lead timers and business hours (company settings). */
export function SlaSettingsForm({ settings, action }: { settings: TSlaSettingsView; action: TFormAction }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, { success: "Speed-to-lead settings saved" });
  const errors = state?.errors ?? {};
  const { slaTimers: t, businessHours: h } = settings;
  const err = (name: string) => (errors[name]?.length ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3" data-testid="sla-settings">
      <label className="text-sm font-medium">
        Remind the territory&apos;s reps after (minutes unclaimed)
        <input name="alertMinutes" type="number" min={1} max={1440} required defaultValue={t.alertMinutes} className={input} {...err("alertMinutes")} />
        <FieldError id="alertMinutes-error" errors={errors.alertMinutes} />
      </label>
      <label className="text-sm font-medium">
        Tell the manager after (minutes unclaimed)
        <input name="escalateMinutes" type="number" min={2} max={10080} required defaultValue={t.escalateMinutes} className={input} {...err("escalateMinutes")} />
        <FieldError id="escalateMinutes-error" errors={errors.escalateMinutes} />
      </label>
      <label className="text-sm font-medium">
        Return a claimed lead with no action to the pool after (hours; empty = never)
        <input name="autoReturnHours" type="number" min={1} max={720} defaultValue={t.autoReturnHours ?? ""} className={input} {...err("autoReturnHours")} />
        <FieldError id="autoReturnHours-error" errors={errors.autoReturnHours} />
      </label>
      <WeeklyHoursFields
        names={{ days: "businessDays", start: "businessStart", end: "businessEnd" }}
        hours={h}
        errors={errors}
        legend="Business days (the working-hours speed figures count only these)"
        startLabel="Business hours start (company time)"
        endLabel="Business hours end"
      />
      <div className="flex items-end">
        <button disabled={pending} className={`${primaryButton} w-fit disabled:opacity-60`}>
          {pending ? "Saving…" : "Save speed-to-lead settings"}
        </button>
      </div>
    </form>
  );
}
