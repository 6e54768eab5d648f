"use client";

import Form from "next/form";
import { useState } from "react";

type TOption = { value: string; label: string };

type TProps = {
  action: string;
  preset: string;
  from: string;
  to: string;
  presets: TOption[];
  /** Absent for a rep: they only ever see their own figures. */
  reps?: TOption[];
  rep?: string;
  territories: TOption[];
  territory?: string;
  sources: TOption[];
  source?: string;
};

const selectClass = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** The analytics filters as a GET form: everything lives in the URL, so a view can be shared or bookmarked. */
export function AnalyticsFilters(p: TProps) {
  const [preset, setPreset] = useState(p.preset);
  // Choosing a preset or a filter applies it at once; a custom range waits for its dates and "Apply".
  const submitOnChange = (e: React.ChangeEvent<HTMLSelectElement>) => {
    if (e.currentTarget.name === "range") setPreset(e.currentTarget.value);
    if (e.currentTarget.name !== "range" || e.currentTarget.value !== "custom") e.currentTarget.form?.requestSubmit();
  };
  return (
    <Form action={p.action} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Analytics filters">
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-slate-600">Range</span>
        <select name="range" defaultValue={p.preset} onChange={submitOnChange} className={selectClass}>
          {p.presets.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {preset === "custom" ? (
        <>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-600">From</span>
            <input type="date" name="from" defaultValue={p.from} required className={selectClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-600">To</span>
            <input type="date" name="to" defaultValue={p.to} required className={selectClass} />
          </label>
        </>
      ) : null}
      {p.reps ? (
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-slate-600">Rep</span>
          <select name="rep" defaultValue={p.rep ?? ""} onChange={submitOnChange} className={selectClass}>
            <option value="">Whole team</option>
            {p.reps.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-slate-600">Territory</span>
        <select name="territory" defaultValue={p.territory ?? ""} onChange={submitOnChange} className={selectClass}>
          <option value="">All territories</option>
          {p.territories.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-slate-600">Source</span>
        <select name="source" defaultValue={p.source ?? ""} onChange={submitOnChange} className={selectClass}>
          <option value="">All sources</option>
          {p.sources.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        Apply
      </button>
    </Form>
  );
}
