"use client";

import type { TFormAction } from "@/lib/action-state";
import { ActionForm } from "@/components/territories/action-form";
import { primaryButton } from "@/components/ui/classes";
import { SelectField } from "@/components/ui/select-field";

export type TSettingsView = {
  territoryMode: "open" | "strict";
  autoAssign: { enabled: boolean; cap: number };
  staleDays: number;
  timeZone: string;
};

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm";

// The US zones a heavy-haul company works in; a zone set some other way is offered too.
const TIME_ZONES: [string, string][] = [
  ["America/New_York", "Eastern (New York)"],
  ["America/Chicago", "Central (Chicago)"],
  ["America/Denver", "Mountain (Denver)"],
  ["America/Phoenix", "Arizona (Phoenix, no daylight saving)"],
  ["America/Los_Angeles", "Pacific (Los Angeles)"],
  ["America/Anchorage", "Alaska (Anchorage)"],
  ["Pacific/Honolulu", "Hawaii (Honolulu)"],
];

export function TerritorySettingsForm({
  settings,
  action,
}: {
  settings: TSettingsView;
  action: TFormAction;
}) {
  return (
    <ActionForm
      action={action}
      submit="Save settings"
      className="grid gap-3 sm:grid-cols-2"
      buttonClass={`${primaryButton} w-fit`}
    >
      <SelectField
        label="Territory rules"
        name="territoryMode"
        defaultValue={settings.territoryMode}
        selectClassName={input}
        options={[
          { value: "open", label: "Open — anyone may claim any lead; territory is the default filter" },
          { value: "strict", label: "Strict — reps claim only leads touching their states" },
        ]}
      />
      <SelectField
        label="Auto-assignment of new leads"
        name="autoAssignEnabled"
        defaultValue={settings.autoAssign.enabled ? "true" : "false"}
        selectClassName={input}
        options={[
          { value: "false", label: "Off — first come, first served from the pool" },
          { value: "true", label: "On — round-robin to the territory's active reps" },
        ]}
      />
      <label className="text-sm font-medium">
        Open-lead cap per rep (auto-assignment skips reps at the cap)
        <input
          name="autoAssignCap"
          type="number"
          min={1}
          max={10000}
          defaultValue={settings.autoAssign.cap}
          className={input}
        />
      </label>
      <label className="text-sm font-medium">
        Call list: a lead is stale after this many days without contact
        <input
          name="staleDays"
          type="number"
          min={1}
          max={365}
          defaultValue={settings.staleDays}
          className={input}
        />
      </label>
      <SelectField
        label="Company time zone: “today”, follow-up dates and analytics days are counted in it"
        name="timeZone"
        defaultValue={settings.timeZone}
        selectClassName={input}
        options={[
          // A zone set outside this list (the settings API takes any IANA zone) stays choosable.
          ...(TIME_ZONES.some(([zone]) => zone === settings.timeZone)
            ? []
            : [{ value: settings.timeZone, label: settings.timeZone }]),
          ...TIME_ZONES.map(([zone, label]) => ({ value: zone, label })),
        ]}
      />
    </ActionForm>
  );
}
