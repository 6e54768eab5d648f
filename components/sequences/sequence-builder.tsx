"use client";

import { useId, useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { MAX_TEXT_LENGTH } from "@/lib/sms/text-limits";
import { DELAY_UNIT_LABELS, DELAY_UNITS, STEP_KIND_LABELS, STEP_KINDS, type TDelayUnit, type TStepKind } from "@/lib/sequences/sequence-vocabulary";
import { compactInputClass, inputClass, primaryButton, smallButton } from "@/components/ui/classes";
import { FieldError } from "@/components/ui/field-error";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/ui/use-form-action";

type TDraftStep = { key: number; kind: TStepKind; delay_amount: string; delay_unit: TDelayUnit; template_id: string; text_template_id: string; body: string };

let nextKey = 1;
const blank = (kind: TStepKind = "email"): TDraftStep => ({
  key: nextKey++,
  kind,
  delay_amount: kind === "wait" ? "1" : "0",
  delay_unit: "business_days",
  template_id: "",
  text_template_id: "",
  body: "",
});

/** What a step sends: only the fields its kind uses (a text step: its template, or else its own words). */
function stepPayload(s: TDraftStep) {
  const base = { kind: s.kind, delay_amount: s.delay_amount, delay_unit: s.delay_unit };
  if (s.kind === "email") return { ...base, template_id: s.template_id };
  if (s.kind === "text") return s.text_template_id ? { ...base, text_template_id: s.text_template_id } : { ...base, body: s.body };
  if (s.kind === "call") return { ...base, body: s.body };
  return base;
}

/**
 * Builds a sequence: a name and ordered steps (email with a template, text with a text template or
 * its own words, call task, wait), each with its delay in business days or hours after the one
 * before. The steps travel as one JSON field; the server's issues (steps.2.template_id …) come back
 * beside the step they name. The text is filled in for each lead when the step runs.
 */
export function SequenceBuilder({
  action,
  templates,
  textTemplates,
  canShare,
}: {
  action: TFormAction<{ id: number }>;
  templates: { id: number; name: string; shared: boolean }[];
  textTemplates: { id: number; name: string; body: string }[];
  canShare: boolean;
}) {
  const [steps, setSteps] = useState<TDraftStep[]>(() => [blank("email"), blank("wait"), blank("call")]);
  const [name, setName] = useState("");
  const ids = useId();
  const { state, pending, onSubmit } = useFormAction(action, {
    success: "Sequence saved.",
    onSuccess: () => {
      setName("");
      setSteps([blank("email")]);
    },
  });
  const errors = state?.errors ?? {};
  const update = (i: number, change: Partial<TDraftStep>) => setSteps((s) => s.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const move = (i: number, by: number) =>
    setSteps((s) => {
      const next = [...s];
      const [x] = next.splice(i, 1);
      next.splice(i + by, 0, x);
      return next;
    });
  const payload = JSON.stringify(steps.map(stepPayload));

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-labelledby={`${ids}-title`} data-testid="sequence-builder">
      <h2 id={`${ids}-title`} className="font-semibold">
        New sequence
      </h2>
      <label className="block text-sm font-medium">
        Name
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} className={inputClass} aria-invalid={!!errors.name} required maxLength={120} />
      </label>
      <FieldError errors={errors.name} />
      {canShare ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="shared" defaultChecked /> Shared with every rep
        </label>
      ) : null}
      <input type="hidden" name="steps" value={payload} />
      <ol className="space-y-3">
        {steps.map((s, i) => {
          const p = `steps.${i}`;
          return (
            <li key={s.key} className="rounded border p-3" data-testid={`step-${i}`}>
              <fieldset className="space-y-2">
                <legend className="text-sm font-semibold">Step {i + 1}</legend>
                <div className="flex flex-wrap items-end gap-2">
                  <SelectField
                    label="Kind"
                    value={s.kind}
                    onChange={(e) => update(i, { kind: e.target.value as TStepKind })}
                    options={STEP_KINDS.map((k) => ({ value: k, label: STEP_KIND_LABELS[k] }))}
                    selectClassName={`mt-1 block ${compactInputClass}`}
                    errors={errors[`${p}.kind`]}
                  />
                  <label className="text-sm font-medium">
                    {s.kind === "wait" ? "Wait" : "After"}
                    <input
                      type="number"
                      min={0}
                      max={200}
                      value={s.delay_amount}
                      onChange={(e) => update(i, { delay_amount: e.target.value })}
                      className={`mt-1 block w-20 ${compactInputClass}`}
                      aria-invalid={!!errors[`${p}.delay_amount`]}
                    />
                  </label>
                  <SelectField
                    label="Unit"
                    value={s.delay_unit}
                    onChange={(e) => update(i, { delay_unit: e.target.value as TDelayUnit })}
                    options={DELAY_UNITS.map((u) => ({ value: u, label: DELAY_UNIT_LABELS[u] }))}
                    selectClassName={`mt-1 block ${compactInputClass}`}
                  />
                  {s.kind === "email" ? (
                    <SelectField
                      label="Template"
                      value={s.template_id}
                      onChange={(e) => update(i, { template_id: e.target.value })}
                      placeholder={{ label: "Choose…" }}
                      options={templates.map((t) => ({ value: String(t.id), label: t.shared ? t.name : `${t.name} (personal)` }))}
                      selectClassName={`mt-1 block ${compactInputClass}`}
                      errors={errors[`${p}.template_id`]}
                    />
                  ) : null}
                  {s.kind === "text" ? (
                    <SelectField
                      label="Text template"
                      value={s.text_template_id}
                      onChange={(e) => update(i, { text_template_id: e.target.value })}
                      placeholder={{ label: "None: my own words" }}
                      options={textTemplates.map((t) => ({ value: String(t.id), label: t.name }))}
                      selectClassName={`mt-1 block ${compactInputClass}`}
                      errors={errors[`${p}.text_template_id`]}
                    />
                  ) : null}
                </div>
                <FieldError errors={errors[`${p}.delay_amount`]} />
                {s.kind === "text" && s.text_template_id ? (
                  <p className="whitespace-pre-wrap rounded bg-slate-50 p-2 text-sm text-slate-700" data-testid="text-template-words">
                    {textTemplates.find((t) => String(t.id) === s.text_template_id)?.body}
                  </p>
                ) : null}
                {(s.kind === "text" && !s.text_template_id) || s.kind === "call" ? (
                  <label className="block text-sm font-medium">
                    {s.kind === "text" ? "Text (with {{variables}})" : "What the call is about"}
                    <textarea
                      value={s.body}
                      onChange={(e) => update(i, { body: e.target.value })}
                      rows={2}
                      maxLength={MAX_TEXT_LENGTH}
                      className={inputClass}
                      aria-invalid={!!errors[`${p}.body`]}
                    />
                  </label>
                ) : null}
                <FieldError errors={errors[`${p}.body`]} />
                <div className="flex flex-wrap gap-2">
                  <button type="button" className={smallButton} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move step ${i + 1} up`}>
                    Up
                  </button>
                  <button type="button" className={smallButton} disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={`Move step ${i + 1} down`}>
                    Down
                  </button>
                  <button type="button" className={`${smallButton} text-red-700`} onClick={() => setSteps((x) => x.filter((_, j) => j !== i))} aria-label={`Remove step ${i + 1}`}>
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <FieldError errors={errors.steps} />
      <div className="flex flex-wrap gap-2">
        <button type="button" className={smallButton} onClick={() => setSteps((s) => [...s, blank("email")])}>
          Add a step
        </button>
        <button disabled={pending} className={primaryButton}>
          {pending ? "Saving…" : "Save sequence"}
        </button>
      </div>
    </form>
  );
}
