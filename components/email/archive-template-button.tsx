"use client";

import type { TFormAction } from "@/lib/action-state";
import { smallButton } from "@/components/ui/classes";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function ArchiveTemplateButton({ id, name, action }: { id: number; name: string; action: TFormAction }) {
  return (
    <ConfirmAction
      action={action}
      fields={{ id }}
      label="Archive"
      ariaLabel={`Archive ${name}`}
      className={smallButton}
      title={`Archive “${name}”?`}
      confirmLabel="Archive template"
      success={`Archived “${name}”`}
    >
      It disappears from the template pickers. Emails already sent keep their text.
    </ConfirmAction>
  );
}
