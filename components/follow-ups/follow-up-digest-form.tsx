"use client";

import type { TFormAction } from "@/lib/action-state";
import { primaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";

/** The rep's morning email of the day's follow-ups, on or off. */
export function FollowUpDigestForm({ enabled, hour, action }: { enabled: boolean; hour: number; action: TFormAction }) {
  const { pending, formAction, onSubmit } = useFormAction(action, { success: "Saved." });
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-center gap-3">
      <label className="inline-flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={enabled} />
        Email me my follow-ups every morning at {hour}:00 (company time)
      </label>
      <button disabled={pending} className={primaryButton}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
