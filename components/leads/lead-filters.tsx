"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { US_STATES } from "@/lib/geo/us-states";
import { LEAD_SOURCES, LEAD_STATUSES, SOURCE_LABELS, STATUS_LABELS } from "@/lib/leads/lead-vocabulary";
import type { TAssignee } from "@/components/leads/assign-lead-form";
import { inputClass, primaryButton } from "@/components/ui/classes";
import { SelectField, type TOption } from "@/components/ui/select-field";
import { CALL_STATUSES } from "@/lib/calls/call-status";
import { LEAD_FILTER_KEYS } from "@/components/leads/lead-filter-keys";

export type TFilterValues = Partial<
  Record<
    | "q"
    | "status"
    | "source"
    | "call_status"
    | "assigned"
    | "state"
    | "created_from"
    | "created_to"
    | "value_min"
    | "value_max"
    | "sort"
    | "dir"
    | "page_size",
    string
  >
>;

// Everything but the search box: what the phone layout folds away.
const MORE_FILTER_KEYS = LEAD_FILTER_KEYS.filter((k) => k !== "q");

const STATE_OPTIONS: TOption[] = Object.entries(US_STATES)
  .sort((a, b) => a[1].name.localeCompare(b[1].name))
  .map(([code, s]) => ({ value: code, label: s.name }));
const SOURCE_OPTIONS: TOption[] = LEAD_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }));
const CALL_STATUS_OPTIONS: TOption[] = CALL_STATUSES.map((s) => ({ value: s.key, label: s.label }));
const ASSIGNED_OPTIONS: TOption[] = [
  { value: "me", label: "Me" },
  { value: "none", label: "Nobody (unassigned)" },
];

/**
 * The filter form. A plain GET form (works without JavaScript); with it, empty fields are left
 * out of the URL so a shared link reads cleanly. Sort and page size survive a new filter.
 */
export function LeadFilters({
  values,
  assignees,
  issues,
}: {
  values: TFilterValues;
  assignees: TAssignee[];
  issues?: Record<string, string>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const statuses = new Set((values.status ?? "").split(",").filter(Boolean));
  const set = MORE_FILTER_KEYS.filter((k) => values[k]).length;
  const [open, setOpen] = useState(() => set > 0 || Object.keys(issues ?? {}).some((k) => k !== "q"));

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const p = new URLSearchParams();
    const form = new FormData(e.currentTarget);
    const status = form.getAll("status").map(String);
    if (status.length) p.set("status", status.join(","));
    for (const [k, v] of form.entries())
      if (k !== "status" && typeof v === "string" && v.trim()) p.set(k, v.trim());
    startTransition(() => router.push(`${pathname}?${p.toString()}`));
  }

  const invalid = (k: string) =>
    issues?.[k] ? { "aria-invalid": true, "aria-describedby": `filter-${k}-error` } : {};
  const errors = (k: string) => (issues?.[k] ? [issues[k]] : undefined);
  const error = (k: string) =>
    issues?.[k] ? (
      <span id={`filter-${k}-error`} className="block text-xs text-red-700">
        {issues[k]}
      </span>
    ) : null;

  return (
    <form
      method="get"
      action={pathname}
      onSubmit={onSubmit}
      role="search"
      aria-label="Filter leads"
      className="space-y-3 rounded-lg border bg-white p-4"
    >
      {values.sort ? <input type="hidden" name="sort" value={values.sort} /> : null}
      {values.dir ? <input type="hidden" name="dir" value={values.dir} /> : null}
      {values.page_size ? <input type="hidden" name="page_size" value={values.page_size} /> : null}
      <label className="block text-sm font-medium">
        Search company name, email, phone or USDOT
        <input type="search" name="q" defaultValue={values.q} className={inputClass} {...invalid("q")} />
        {error("q")}
      </label>
      {/* On a phone the search box is enough to start with; the other filters open on demand
          (open by themselves when one of them is set or wrong). */}
      <button
        type="button"
        className="rounded border border-slate-300 px-3 py-1 text-sm md:hidden"
        aria-expanded={open}
        aria-controls="more-lead-filters"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? "Hide filters" : `More filters${set ? ` (${set} set)` : ""}`}
      </button>
      <div id="more-lead-filters" className={`${open ? "block" : "hidden"} space-y-3 md:block`}>
        <fieldset>
          <legend className="text-sm font-medium">Status</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {LEAD_STATUSES.map((s) => (
              <label key={s} className="inline-flex items-center gap-1 text-sm">
                <input type="checkbox" name="status" value={s} defaultChecked={statuses.has(s)} />
                {STATUS_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {[
            { name: "source", label: "Source", any: "Any", options: SOURCE_OPTIONS },
            { name: "call_status", label: "Call status", any: "Any", options: CALL_STATUS_OPTIONS },
            {
              name: "assigned",
              label: "Assigned to",
              any: "Anyone",
              options: [...ASSIGNED_OPTIONS, ...assignees.map((a) => ({ value: String(a.id), label: a.name }))],
            },
            { name: "state", label: "State on the route", any: "Any", options: STATE_OPTIONS },
          ].map((f) => (
            <SelectField
              key={f.name}
              label={f.label}
              name={f.name}
              defaultValue={values[f.name as keyof TFilterValues] ?? ""}
              errors={errors(f.name)}
              placeholder={{ label: f.any }}
              options={f.options}
            />
          ))}
          <div className="grid grid-cols-2 gap-2">
            <label className="text-sm font-medium">
              Value from
              <input
                name="value_min"
                inputMode="decimal"
                defaultValue={values.value_min}
                className={inputClass}
                {...invalid("value_min")}
              />
              {error("value_min")}
            </label>
            <label className="text-sm font-medium">
              to
              <input
                name="value_max"
                inputMode="decimal"
                defaultValue={values.value_max}
                className={inputClass}
                {...invalid("value_max")}
              />
              {error("value_max")}
            </label>
          </div>
          <label className="text-sm font-medium">
            Created from
            <input
              type="date"
              name="created_from"
              defaultValue={values.created_from}
              className={inputClass}
              {...invalid("created_from")}
            />
            {error("created_from")}
          </label>
          <label className="text-sm font-medium">
            Created to
            <input
              type="date"
              name="created_to"
              defaultValue={values.created_to}
              className={inputClass}
              {...invalid("created_to")}
            />
            {error("created_to")}
          </label>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <button className={primaryButton} disabled={pending}>
          {pending ? "Filtering…" : "Apply filters"}
        </button>
        <Link href={pathname} className="text-sm underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
