"use client";

import { useId, useState } from "react";
import { variableToken } from "@/lib/email/render-template";
import { TEMPLATE_VARIABLES } from "@/lib/email/template-variables";

/**
 * The declared variables as buttons that insert {{name}} where the cursor was; with a fallback
 * typed, {{name | "fallback"}}, which fills in when a lead has no value (a webhook lead has no
 * contact name yet).
 */
export function VariablePicker({ onPick }: { onPick: (token: string) => void }) {
  const [fallback, setFallback] = useState("");
  const id = useId();
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-xs font-medium text-slate-600">Insert a variable</p>
        <label htmlFor={id} className="text-xs text-slate-600">
          Fallback when a lead has none (optional)
        </label>
        <input
          id={id}
          value={fallback}
          onChange={(e) => setFallback(e.target.value)}
          maxLength={60}
          placeholder="e.g. there"
          className="w-32 rounded border border-slate-300 px-1.5 py-0.5 text-xs"
        />
      </div>
      <ul className="mt-1 flex flex-wrap gap-1">
        {TEMPLATE_VARIABLES.map((v) => (
          <li key={v.name}>
            <button
              type="button"
              title={v.label}
              onClick={() => onPick(variableToken(v.name, fallback))}
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
export function insertAt(
  el: HTMLInputElement | HTMLTextAreaElement | null,
  value: string,
  text: string,
): string {
  if (!el || el.selectionStart === null) return value + text;
  const start = el.selectionStart;
  const end = el.selectionEnd ?? start;
  requestAnimationFrame(() => {
    el.focus();
    el.setSelectionRange(start + text.length, start + text.length);
  });
  return value.slice(0, start) + text + value.slice(end);
}
