"use client";

import type { TFormAction } from "@/lib/action-state";
import { primaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";
import { WeeklyHoursFields } from "@/components/ui/weekly-hours-fields";

/**
 * The manager's texting hours (company setting `text_sending_hours`): the days and hours texts may
 * go out, read in each lead's own time zone. `bounds` are the TCPA's, from the kernel's rule, which
 * the server applies; the form only says them.
 */
export function TextSendingHoursForm({
  hours,
  bounds,
  action,
}: {
  hours: { days: number[]; start: string; end: string };
  bounds: { earliest: string; latest: string };
  action: TFormAction;
}) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, { success: "Texting hours saved" });
  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3" data-testid="text-sending-hours">
      <WeeklyHoursFields
        names={{ days: "textDays", start: "textStart", end: "textEnd" }}
        hours={hours}
        errors={state?.errors ?? {}}
        legend="Texting days"
        startLabel={`From (lead's time, ${bounds.earliest} at the earliest)`}
        endLabel={`Until (${bounds.latest} at the latest)`}
      />
      <div className="flex items-end">
        <button disabled={pending} className={`${primaryButton} w-fit disabled:opacity-60`}>
          {pending ? "Saving…" : "Save texting hours"}
        </button>
      </div>
    </form>
  );
}
