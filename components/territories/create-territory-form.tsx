"use client";

import type { TFormAction } from "@/lib/action-state";
import { ActionForm } from "@/components/territories/action-form";
import { primaryButton } from "@/components/ui/classes";

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm";

export function CreateTerritoryForm({ action }: { action: TFormAction }) {
  return (
    <ActionForm
      action={action}
      submit="Create territory"
      className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
      buttonClass={primaryButton}
    >
      <label className="text-sm font-medium">
        Name
        <input name="name" required maxLength={80} className={input} />
      </label>
      <label className="text-sm font-medium">
        States (codes, comma separated)
        <input name="states" placeholder="TX, OK, NM" className={input} autoCapitalize="characters" />
      </label>
    </ActionForm>
  );
}
