"use client";

import { TEMPLATE_VARIABLES } from "@/lib/email/template-variables";

/** The declared variables as buttons that insert {{name}} where the cursor was. */
export function VariablePicker({ onPick }: { onPick: (name: string) => void }) {
  return (
    <div>
      <p className="text-xs font-medium text-slate-600">Insert a variable</p>
      <ul className="mt-1 flex flex-wrap gap-1">
        {TEMPLATE_VARIABLES.map((v) => (
          <li key={v.name}>
            <button
              type="button"
              title={v.label}
              onClick={() => onPick(v.name)}
              className="rounded border border-slate-300 bg-white px-2 py-0.5 font-mono text-xs hover:bg-slate-100"
            >
              {`{{${v.name}}}`}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Inserts text at a field's cursor (or its end) and returns the new value. */
export function insertAt(el: HTMLInputElement | HTMLTextAreaElement | null, value: string, text: string): string {
  if (!el || el.selectionStart === null) return value + text;
  const start = el.selectionStart;
  const end = el.selectionEnd ?? start;
  requestAnimationFrame(() => {
    el.focus();
    el.setSelectionRange(start + text.length, start + text.length);
  });
  return value.slice(0, start) + text + value.slice(end);
}
