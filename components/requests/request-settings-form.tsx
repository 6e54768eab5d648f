"use client";

import type { TFormAction } from "@/lib/action-state";
import { ActionForm } from "@/components/territories/action-form";
import { inputClass, primaryButton } from "@/components/ui/classes";
import { SelectField } from "@/components/ui/select-field";

export type TRequestSettingsView = {
  handoffApproval: "manager" | "receiver" | "manager_and_receiver";
  loseApprovalAbove: number | null;
  reopenApproval: boolean;
};

/** The manager's switches for handoffs and approvals (issue #21), on the territories (settings) page. */
export function RequestSettingsForm({ settings, action }: { settings: TRequestSettingsView; action: TFormAction }) {
  return (
    <ActionForm action={action} submit="Save approval settings" className="grid gap-3 sm:grid-cols-2" buttonClass={`${primaryButton} w-fit`}>
      <SelectField
        label="Handoffs"
        name="handoffApproval"
        defaultValue={settings.handoffApproval}
        selectClassName={inputClass}
        options={[
          { value: "manager", label: "A manager approves, then the lead moves" },
          { value: "receiver", label: "Straight to the receiver, who accepts" },
          { value: "manager_and_receiver", label: "A manager approves, then the receiver accepts" },
        ]}
      />
      <SelectField
        label="Marking a lead lost"
        name="loseApprovalEnabled"
        defaultValue={settings.loseApprovalAbove === null ? "false" : "true"}
        selectClassName={inputClass}
        options={[
          { value: "false", label: "Reps mark lost without approval" },
          { value: "true", label: "Needs approval above the amount below" },
        ]}
      />
      <label className="text-sm font-medium">
        Loss approval amount ($, leads worth more need approval)
        <input name="loseApprovalAbove" inputMode="decimal" defaultValue={settings.loseApprovalAbove ?? ""} className={inputClass} />
      </label>
      <SelectField
        label="Reopening a lost lead"
        name="reopenApproval"
        defaultValue={settings.reopenApproval ? "true" : "false"}
        selectClassName={inputClass}
        options={[
          { value: "false", label: "Only a manager reopens" },
          { value: "true", label: "Reps may ask; a manager approves" },
        ]}
      />
    </ActionForm>
  );
}
