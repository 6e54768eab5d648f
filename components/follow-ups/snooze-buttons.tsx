"use client";

import type { TFormAction } from "@/lib/action-state";
import { FOLLOW_UP_SHORTCUTS, SNOOZE_SHORTCUT_KEYS } from "@/lib/kernel/zoned-time";
import { ActionButton } from "@/components/ui/action-button";
import { smallButton } from "@/components/ui/classes";

// The snooze choices are the kernel's shortcuts; the server computes the moment when it saves.
const CHOICES = SNOOZE_SHORTCUT_KEYS.map((key) => ({ key, label: FOLLOW_UP_SHORTCUTS.find((s) => s.key === key)!.label }));

/** Snooze a lead's follow-up: "In 1 hour", "Tomorrow 9:00", "Next Monday". */
export function SnoozeButtons({ leadId, companyName, action }: { leadId: number; companyName: string; action: TFormAction }) {
  return (
    <div role="group" aria-label={`Snooze the follow-up with ${companyName}`} className="flex flex-wrap gap-1.5">
      {CHOICES.map((c) => (
        <ActionButton
          key={c.key}
          action={action}
          fields={{ lead_id: leadId, to: c.key }}
          label={c.label}
          pendingLabel="Snoozing…"
          className={smallButton}
          ariaLabel={`Snooze ${companyName}: ${c.label.toLowerCase()}`}
          success="Snoozed."
        />
      ))}
    </div>
  );
}
