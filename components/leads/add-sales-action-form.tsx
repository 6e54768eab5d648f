"use client";

import { useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import {
  ACTION_OUTCOMES,
  ACTION_TYPE_LABELS,
  ACTION_TYPES,
  OUTCOME_LABELS,
  type TActionType,
} from "@/lib/leads/lead-vocabulary";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { followUpShortcutDays, zonedDay } from "@/lib/kernel/zoned-time";
import { useCompanyTimeZone } from "@/components/ui/zoned-time";
import { useFormAction } from "@/components/leads/use-form-action";
import { inputClass, primaryButton, secondaryButton } from "@/components/leads/ui-classes";

/** Log a call, email, text or meeting; the follow-up date becomes the lead's next follow-up. */
export function AddSalesActionForm({
  leadId,
  action,
  initialType = "call",
}: {
  leadId: number;
  action: TFormAction;
  initialType?: TActionType;
}) {
  const [type, setType] = useState<TActionType>(initialType);
  const [followUp, setFollowUp] = useState("");
  const { state, pending, formAction, onSubmit } = useFormAction(action, (_s, form) => {
    form?.reset();
    setFollowUp("");
  });
  // The company's days (zone from the server), the same ones the call list's shortcuts save.
  const zone = useCompanyTimeZone();
  const now = new Date();
  const picks = followUpShortcutDays(now, zone);
  const err = state?.errors;
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className="grid gap-3 sm:grid-cols-2"
      aria-label="Log a sales action"
    >
      <input type="hidden" name="lead_id" value={leadId} />
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">Type</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {ACTION_TYPES.map((t) => (
            <label
              key={t}
              className="inline-flex cursor-pointer items-center gap-1 rounded border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="action_type"
                value={t}
                checked={type === t}
                onChange={() => setType(t)}
              />
              {ACTION_TYPE_LABELS[t]}
            </label>
          ))}
        </div>
        <FieldError errors={err?.action_type} />
      </fieldset>
      <label className="text-sm font-medium">
        Outcome{type === "call" ? " (required for a call)" : ""}
        <select
          name="outcome"
          className={inputClass}
          defaultValue=""
          required={type === "call"}
          aria-invalid={!!err?.outcome}
        >
          <option value="">{type === "call" ? "Choose…" : "None"}</option>
          {ACTION_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABELS[o]}
            </option>
          ))}
        </select>
        <FieldError errors={err?.outcome} />
      </label>
      <label className="text-sm font-medium">
        Description
        <input
          name="action_description"
          maxLength={200}
          className={inputClass}
          placeholder="e.g. Intro call with dispatcher"
        />
        <FieldError errors={err?.action_description} />
      </label>
      <label className="text-sm font-medium sm:col-span-2">
        Notes
        <textarea name="notes" rows={3} maxLength={5000} className={inputClass} />
        <FieldError errors={err?.notes} />
      </label>
      <div className="sm:col-span-2">
        <label className="text-sm font-medium" htmlFor={`follow-up-${leadId}`}>
          Follow-up date
        </label>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <input
            id={`follow-up-${leadId}`}
            type="date"
            name="follow_up_date"
            value={followUp}
            min={zonedDay(now, zone)}
            onChange={(e) => setFollowUp(e.target.value)}
            className="rounded border border-slate-300 bg-white px-3 py-2 text-sm"
            aria-invalid={!!err?.follow_up_date}
          />
          {picks.map(({ label, day }) => (
            <button
              key={label}
              type="button"
              value={day}
              className={secondaryButton}
              aria-pressed={followUp === day}
              onClick={() => setFollowUp(day)}
            >
              {label}
            </button>
          ))}
          {followUp ? (
            <button
              type="button"
              className="text-sm text-slate-600 underline"
              onClick={() => setFollowUp("")}
            >
              No follow-up
            </button>
          ) : null}
        </div>
        <FieldError errors={err?.follow_up_date} />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button disabled={pending} className={primaryButton}>
          {pending ? "Saving…" : `Log ${ACTION_TYPE_LABELS[type].toLowerCase()}`}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
