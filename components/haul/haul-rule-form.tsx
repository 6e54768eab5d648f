"use client";

import type { TFormAction } from "@/lib/action-state";
import type { THaulRuleView } from "@/lib/haul/get-haul-settings";
import {
  dimensionUnit,
  HAUL_DIMENSION_LABELS,
  HAUL_DIMENSIONS,
  HAUL_ROAD_TYPE_LABELS,
  HAUL_ROAD_TYPES,
} from "@/lib/haul/haul-vocabulary";
import { STATE_CODES } from "@/lib/geo/us-states";
import { FieldError } from "@/components/ui/field-error";
import { SelectField } from "@/components/ui/select-field";
import { inputClass, primaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";

// One escort rule's form: edit (with `rule`) or add. Bounds in feet (weight in pounds), as the
// sources state them; the server refuses a lower bound above the upper one and saves nothing.
export function HaulRuleForm({
  action,
  rule,
  idPrefix,
}: {
  action: TFormAction;
  rule?: THaulRuleView;
  idPrefix: string;
}) {
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    success: rule ? "Rule saved" : "Rule added",
  });
  const err = (k: string) => state?.errors?.[k];
  const id = (k: string) => `${idPrefix}-${k}`;
  const unit = rule ? (dimensionUnit(rule.dimension) === "lb" ? "lb" : "ft") : "ft, or lb for weight";
  const num = (name: "min" | "max", label: string, value: number | null | undefined) => (
    <div className="text-sm font-medium">
      <label htmlFor={id(name)}>
        {label} ({unit})
      </label>
      <input
        id={id(name)}
        name={name}
        type="number"
        step="any"
        min={0}
        defaultValue={value ?? ""}
        aria-invalid={!!err(name)?.length || undefined}
        aria-describedby={err(name)?.length ? id(`${name}-error`) : undefined}
        className={inputClass}
      />
      <FieldError errors={err(name)} id={id(`${name}-error`)} />
    </div>
  );
  const escorts = (name: "frontEscorts" | "rearEscorts", label: string, value: number | undefined) => (
    <div className="text-sm font-medium">
      <label htmlFor={id(name)}>{label}</label>
      <input
        id={id(name)}
        name={name}
        type="number"
        min={0}
        max={4}
        defaultValue={value ?? 0}
        className={inputClass}
      />
      <FieldError errors={err(name)} />
    </div>
  );
  const box = (
    name: "minInclusive" | "heightPole" | "police" | "routeSurvey" | "superload" | "verified",
    label: string,
  ) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={!!rule?.[name]} /> {label}
    </label>
  );
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
      noValidate
    >
      {rule ? <input type="hidden" name="id" value={rule.id} /> : null}
      {rule ? (
        <input type="hidden" name="state" value={rule.state} />
      ) : (
        <SelectField
          label="State"
          name="state"
          id={id("state")}
          options={STATE_CODES.map((s) => ({ value: s, label: s }))}
          placeholder={{ label: "Choose…" }}
          errors={err("state")}
        />
      )}
      <SelectField
        label="Dimension"
        name="dimension"
        id={id("dimension")}
        defaultValue={rule?.dimension}
        options={HAUL_DIMENSIONS.map((d) => ({ value: d, label: HAUL_DIMENSION_LABELS[d] }))}
        errors={err("dimension")}
      />
      <SelectField
        label="Roads"
        name="roadType"
        id={id("roadType")}
        defaultValue={rule?.roadType ?? "all"}
        options={HAUL_ROAD_TYPES.map((r) => ({ value: r, label: HAUL_ROAD_TYPE_LABELS[r] }))}
        errors={err("roadType")}
      />
      {num("min", "Above", rule?.minForm)}
      {num("max", "Up to", rule?.maxForm)}
      {escorts("frontEscorts", "Front escorts", rule?.frontEscorts)}
      {escorts("rearEscorts", "Rear escorts", rule?.rearEscorts)}
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 sm:col-span-2 lg:col-span-3">
        <legend className="text-sm font-medium">Also</legend>
        {box("minInclusive", "Lower bound counts (at or above)")}
        {box("heightPole", "Height pole")}
        {box("police", "Police escort")}
        {box("routeSurvey", "Route survey")}
        {box("superload", "Superload")}
        {box("verified", "Verified in the official source")}
      </fieldset>
      <div className="text-sm font-medium sm:col-span-2">
        <label htmlFor={id("source")}>Source (URL or regulation)</label>
        <input
          id={id("source")}
          name="source"
          defaultValue={rule?.source}
          className={inputClass}
          aria-invalid={!!err("source")?.length || undefined}
        />
        <FieldError errors={err("source")} />
      </div>
      <div className="text-sm font-medium">
        <label htmlFor={id("checkedOn")}>Checked on</label>
        <input
          id={id("checkedOn")}
          name="checkedOn"
          type="date"
          defaultValue={rule?.checkedOn}
          className={inputClass}
        />
        <FieldError errors={err("checkedOn")} />
      </div>
      <div className="text-sm font-medium sm:col-span-2 lg:col-span-3">
        <label htmlFor={id("note")}>Note</label>
        <input id={id("note")} name="note" defaultValue={rule?.note ?? ""} className={inputClass} />
      </div>
      <div>
        <button disabled={pending} className={`${primaryButton} w-fit`}>
          {pending ? "Saving…" : rule ? "Save rule" : "Add rule"}
        </button>
      </div>
    </form>
  );
}
