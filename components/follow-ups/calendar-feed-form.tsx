"use client";

import { useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { inputClass, primaryButton, secondaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Makes (or replaces) the secret address of the rep's follow-up calendar. The address is shown
 * once, right after it is made: only its hash is stored. Replacing it stops the old one at once.
 */
export function CalendarFeedForm({ exists, action }: { exists: boolean; action: TFormAction<{ path: string }> }) {
  const [url, setUrl] = useState<string | null>(null);
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    onSuccess: (s) => setUrl(s.data ? `${window.location.origin}${s.data.path}` : null),
    success: exists ? "New calendar address made; the old one no longer works." : "Calendar address made.",
  });
  const had = exists || url !== null;
  return (
    <div className="space-y-3">
      {url ? (
        <label className="block text-sm font-medium">
          Your calendar address (copy it now: it is shown only once)
          <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} className={inputClass} data-testid="calendar-url" />
        </label>
      ) : (
        <p className="text-sm text-slate-600">
          {exists
            ? "You have a calendar address. Lost it? Make a new one: the old one stops working."
            : "Subscribe to your follow-ups and meetings in Google Calendar or Outlook."}
        </p>
      )}
      <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-center gap-3">
        <button disabled={pending} className={had ? secondaryButton : primaryButton}>
          {pending ? "Making…" : had ? "Make a new address" : "Make my calendar address"}
        </button>
        <FormMessage state={state} />
      </form>
    </div>
  );
}
