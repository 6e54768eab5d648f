"use client";

import Form from "next/form";
import { useState } from "react";
import { compactInputClass } from "@/components/ui/classes";
import { SelectField, type TOption } from "@/components/ui/select-field";

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

const selectClass = compactInputClass;

function FilterSelect(p: { id: string; name: string; label: string; value?: string; anyLabel: string; options: TOption[]; onChange: (e: React.ChangeEvent<HTMLSelectElement>) => void }) {
  return (
    <SelectField
      id={p.id}
      name={p.name}
      label={<span className="text-slate-600">{p.label}</span>}
      defaultValue={p.value ?? ""}
      onChange={p.onChange}
      placeholder={{ label: p.anyLabel }}
      options={p.options}
      className="flex flex-col gap-1 text-sm"
      selectClassName={selectClass}
    />
  );
}

/** The analytics filters as a GET form: everything lives in the URL, so a view can be shared or bookmarked. */
export function AnalyticsFilters(p: TProps) {
  const [preset, setPreset] = useState(p.preset);
  // Choosing a preset or a filter applies it at once; a custom range waits for its dates and "Apply".
  const submitOnChange = (e: React.ChangeEvent<HTMLSelectElement>) => {
    if (e.currentTarget.name === "range") setPreset(e.currentTarget.value);
    if (e.currentTarget.name !== "range" || e.currentTarget.value !== "custom") e.currentTarget.form?.requestSubmit();
  };
  return (
    <Form action={p.action} className="flex flex-wrap items-end gap-3 rounded-lg border bg-white p-3" aria-label="Analytics filters">
      <SelectField
        id="analytics-range-select"
        name="range"
        label={<span className="text-slate-600">Range</span>}
        defaultValue={p.preset}
        onChange={submitOnChange}
        options={p.presets}
        className="flex flex-col gap-1 text-sm"
        selectClassName={selectClass}
      />
      {preset === "custom" ? (
        <>
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor="analytics-from" className="text-slate-600">From</label>
            <input id="analytics-from" type="date" name="from" defaultValue={p.from} required className={selectClass} />
          </div>
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor="analytics-to" className="text-slate-600">To</label>
            <input id="analytics-to" type="date" name="to" defaultValue={p.to} required className={selectClass} />
          </div>
        </>
      ) : null}
      {p.reps ? <FilterSelect id="analytics-rep" name="rep" label="Rep" value={p.rep} anyLabel="Whole team" options={p.reps} onChange={submitOnChange} /> : null}
      <FilterSelect id="analytics-territory" name="territory" label="Territory" value={p.territory} anyLabel="All territories" options={p.territories} onChange={submitOnChange} />
      <FilterSelect id="analytics-source" name="source" label="Source" value={p.source} anyLabel="All sources" options={p.sources} onChange={submitOnChange} />
      <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        Apply
      </button>
    </Form>
  );
}
