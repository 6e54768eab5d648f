"use client";

import type { TFormAction } from "@/lib/action-state";
import { ActionButton } from "@/components/ui/action-button";
import { smallButton } from "@/components/ui/classes";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** Deactivating asks first (it signs the person out and takes them off auto-assignment); reactivating does not. */
export function UserActiveToggle({
  userId,
  name,
  active,
  action,
}: {
  userId: number;
  name: string;
  active: boolean;
  action: TFormAction;
}) {
  if (!active)
    return (
      <ActionButton
        action={action}
        fields={{ userId, active: "true" }}
        label="Reactivate"
        ariaLabel={`Reactivate ${name}`}
        className={smallButton}
        success={`${name} can sign in again`}
      />
    );
  return (
    <ConfirmAction
      action={action}
      fields={{ userId, active: "false" }}
      label="Deactivate"
      ariaLabel={`Deactivate ${name}`}
      className={smallButton}
      title={`Deactivate ${name}?`}
      confirmLabel="Deactivate"
      success={`${name} is deactivated`}
    >
      {name} is signed out at once and can no longer sign in. Their leads stay assigned to them
      until you reassign them; you can reactivate them later.
    </ConfirmAction>
  );
}
