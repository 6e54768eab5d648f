"use client";

import { useActionState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";

export function ArchiveTemplateButton({ id, name, action }: { id: number; name: string; action: TFormAction }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!confirm(`Archive “${name}”? It disappears from the pickers; sent emails keep their text.`)) e.preventDefault();
      }}
      className="inline-flex items-center gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <button disabled={pending} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
        Archive
      </button>
      <FormMessage state={state?.ok ? undefined : state} />
    </form>
  );
}
