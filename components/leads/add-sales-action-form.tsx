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
import { followUpShortcut, followUpShortcutDays, zonedDay } from "@/lib/kernel/zoned-time";
import { useCompanyTimeZone } from "@/components/ui/zoned-time";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { inputClass, primaryButton, secondaryButton } from "@/components/ui/classes";

/**
 * Log a call, email, text or meeting; the follow-up date (and optional time, company zone)
 * becomes the lead's next follow-up. Without a time it is "any time that day".
 */
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
  const [followUpTime, setFollowUpTime] = useState("");
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    onSuccess: (_s, form) => {
      form?.reset();
      setFollowUp("");
      setFollowUpTime("");
    },
    success: "Logged",
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
      <SelectField
        name="outcome"
        label={`Outcome${type === "call" ? " (required for a call)" : ""}`}
        defaultValue=""
        required={type === "call"}
        placeholder={{ label: type === "call" ? "Choose…" : "None" }}
        options={ACTION_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
        errors={err?.outcome}
      />
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
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">Follow-up</legend>
        <div className="mt-1 flex flex-wrap items-end gap-2">
          <label className="text-sm">
            Follow-up date
            <input
              id={`follow-up-${leadId}`}
              type="date"
              name="follow_up_date"
              value={followUp}
              min={zonedDay(now, zone)}
              onChange={(e) => setFollowUp(e.target.value)}
              className="mt-1 block rounded border border-slate-300 bg-white px-3 py-2 text-sm"
              aria-invalid={!!err?.follow_up_date}
            />
          </label>
          <label className="text-sm">
            Follow-up time (optional)
            <input
              type="time"
              name="follow_up_time"
              value={followUpTime}
              onChange={(e) => setFollowUpTime(e.target.value)}
              className="mt-1 block rounded border border-slate-300 bg-white px-3 py-2 text-sm"
              aria-invalid={!!err?.follow_up_time}
            />
          </label>
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {picks.map(({ key, label, day, time }) => (
            <button
              key={label}
              type="button"
              value={day}
              data-time={time ?? ""}
              className={secondaryButton}
              aria-pressed={followUp === day && followUpTime === (time ?? "")}
              onClick={() => {
                // Computed at the click, not at the render: "In 1 hour" means from now.
                const pick = followUpShortcut(key, new Date(), zone);
                setFollowUp(pick.day);
                setFollowUpTime(pick.time ?? "");
              }}
            >
              {label}
            </button>
          ))}
          {followUp || followUpTime ? (
            <button
              type="button"
              className="text-sm text-slate-600 underline"
              onClick={() => {
                setFollowUp("");
                setFollowUpTime("");
              }}
            >
              No follow-up
            </button>
          ) : null}
        </div>
        <p className="mt-1 text-xs text-slate-600">
          Company time ({zone}). Without a time the follow-up is due any time that day; with one, you get a reminder then.
        </p>
        <FieldError errors={err?.follow_up_date} />
        <FieldError errors={err?.follow_up_time} />
      </fieldset>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button disabled={pending} className={primaryButton}>
          {pending ? "Saving…" : `Log ${ACTION_TYPE_LABELS[type].toLowerCase()}`}
        </button>
      </div>
    </form>
  );
}
