"use client";

import { useSyncExternalStore } from "react";
import type { TFormAction } from "@/lib/action-state";
import { primaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";
import { allowDesktopAlerts, playChime } from "@/components/live/live-alerts";

// The browser's notification permission as a store: read after hydration (the server has none),
// and read again after the user answered the browser's question.
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const readPermission = () => (typeof Notification === "undefined" ? "unsupported" : Notification.permission);

/** My account → Live alerts: desktop notifications and a chime for new leads and reminders. */
export function LiveAlertsForm({ desktopAlerts, sound, action }: { desktopAlerts: boolean; sound: boolean; action: TFormAction }) {
  const { pending, formAction, onSubmit } = useFormAction(action);
  const permission = useSyncExternalStore(subscribe, readPermission, () => null);

  // The browser asks for permission only in answer to a click: ask when the box is ticked.
  const onDesktopChange = async (e: React.ChangeEvent<HTMLInputElement>) => {
    if (!e.currentTarget.checked) return;
    await allowDesktopAlerts();
    listeners.forEach((l) => l());
  };
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3 text-sm">
      <label className="flex items-start gap-2">
        <input type="checkbox" name="desktop_alerts" defaultChecked={desktopAlerts} onChange={onDesktopChange} className="mt-0.5" />
        <span>
          Desktop notifications for new leads in my territories, leads given to me and reminders
          {permission === "denied" ? (
            <span className="block text-amber-800">This browser blocks notifications for this site: allow them in its site settings.</span>
          ) : permission === "unsupported" ? (
            <span className="block text-slate-600">This browser cannot show desktop notifications.</span>
          ) : null}
        </span>
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-start gap-2">
          <input type="checkbox" name="sound" defaultChecked={sound} className="mt-0.5" />
          <span>Play a chime with them</span>
        </label>
        <button type="button" onClick={playChime} className="text-brand-700 underline">
          Hear the chime
        </button>
      </div>
      <button disabled={pending} className={primaryButton}>
        {pending ? "Saving…" : "Save alerts"}
      </button>
    </form>
  );
}
