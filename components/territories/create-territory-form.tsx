"use client";

import type { TFormAction } from "@/lib/action-state";
import { ActionForm } from "@/components/territories/action-form";

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm";

export function CreateTerritoryForm({ action }: { action: TFormAction }) {
  return (
    <ActionForm
      action={action}
      submit="Create territory"
      className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
      buttonClass="rounded bg-brand-600 px-4 py-2 text-sm text-white"
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
