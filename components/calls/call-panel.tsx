"use client";

import { CoveringBadge } from "@/components/calls/covering-badge";
import Link from "next/link";
import { useEffect, type RefObject } from "react";
import { FOLLOW_UPS, OUTCOMES, type TCallRowView, type TFollowUpPick } from "@/components/calls/call-keys";
import { StateChips } from "@/components/calls/state-chips";
import { FollowUpWhen } from "@/components/follow-ups/follow-up-when";

type TProps = {
  lead: TCallRowView;
  lockError: string | null;
  locking: boolean;
  pending: boolean;
  notes: string;
  onNotes: (v: string) => void;
  followUp: TFollowUpPick;
  onFollowUp: (v: TFollowUpPick) => void;
  customDate: string;
  onCustomDate: (v: string) => void;
  customTime: string;
  onCustomTime: (v: string) => void;
  onSave: (outcome: string) => void;
  onSkip: () => void;
  notesRef: RefObject<HTMLTextAreaElement | null>;
  dateRef: RefObject<HTMLInputElement | null>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  leadHref: string;
};

/** The lead being called: who and why, the number to dial, notes, follow-up, outcome buttons. */
export function CallPanel({ notesRef, dateRef, headingRef, ...p }: TProps) {
  const phone = p.lead.contact.phone ?? p.lead.company.phone;
  const disabled = p.pending || !!p.lockError;
  const { followUp } = p;
  useEffect(() => {
    if (followUp === "custom") dateRef.current?.focus();
  }, [followUp, dateRef]);
  return (
    <section
      aria-labelledby="call-h"
      className="space-y-3 rounded-lg border-2 border-brand-600 bg-white p-4"
      data-testid="call-panel"
      data-lead-id={p.lead.id}
      data-lock={p.lockError ? "refused" : p.locking ? "locking" : "held"}
    >
      <div>
        <h2 id="call-h" ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
          {p.lead.company.name}
        </h2>
        <p className="text-sm text-slate-700">{p.lead.reason}</p>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <StateChips states={p.lead.states} />
          <span>{p.lead.callStatus}</span>
          <CoveringBadge coveringFor={p.lead.coveringFor} />
          <Link href={p.leadHref} className="text-brand-700 hover:underline">
            Open lead page
          </Link>
        </div>
      </div>
      {phone ? (
        <a
          href={`tel:${phone.replace(/[^\d+]/g, "")}`}
          className="block rounded bg-green-600 px-4 py-3 text-center text-lg font-semibold text-white hover:bg-green-700"
        >
          Call {p.lead.contact.name ?? p.lead.company.name} · {phone}
        </a>
      ) : (
        <p className="text-sm text-slate-600">No phone number on file.</p>
      )}
      {p.lockError ? (
        <p role="alert" className="rounded bg-rose-50 p-2 text-sm text-rose-800">
          {p.lockError} — press <kbd>n</kbd> for the next lead.
        </p>
      ) : null}
      <label className="block text-sm font-medium">
        Notes
        <textarea
          ref={notesRef}
          value={p.notes}
          onChange={(e) => p.onNotes(e.target.value)}
          rows={3}
          maxLength={5000}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm"
        />
      </label>
      <fieldset>
        <legend className="text-sm font-medium">Follow-up</legend>
        <div className="mt-1 flex flex-wrap gap-1.5">
          {FOLLOW_UPS.map((f) => (
            <label
              key={f.value}
              className={`cursor-pointer rounded-full border px-3 py-1 text-sm ${p.followUp === f.value ? "border-brand-600 bg-brand-50 font-medium" : "border-slate-300"}`}
            >
              <input
                type="radio"
                name="followUp"
                value={f.value}
                checked={p.followUp === f.value}
                onChange={() => p.onFollowUp(f.value)}
                className="sr-only"
              />
              {f.value === "keep" ? <KeepLabel lead={p.lead} /> : f.label}{" "}
              <kbd className="text-xs text-slate-500">{f.key}</kbd>
            </label>
          ))}
        </div>
        {p.followUp === "custom" ? (
          <div className="mt-2 flex flex-wrap gap-3 text-sm">
            <label>
              Date
              <input
                ref={dateRef}
                type="date"
                value={p.customDate}
                onChange={(e) => p.onCustomDate(e.target.value)}
                className="ml-2 rounded border border-slate-300 px-2 py-1"
              />
            </label>
            <label>
              Time (optional, company time)
              <input
                type="time"
                value={p.customTime}
                onChange={(e) => p.onCustomTime(e.target.value)}
                className="ml-2 rounded border border-slate-300 px-2 py-1"
              />
            </label>
          </div>
        ) : null}
      </fieldset>
      <div
        className="grid grid-cols-2 gap-2 sm:grid-cols-3"
        role="group"
        aria-label="Outcome (saves the call)"
      >
        {OUTCOMES.map((o) => (
          <button
            key={o.value}
            disabled={disabled}
            onClick={() => p.onSave(o.value)}
            className="rounded border border-slate-300 px-2 py-3 text-sm font-medium hover:bg-slate-100 disabled:opacity-50"
          >
            <kbd className="mr-1 text-xs text-slate-500">{o.key}</kbd>
            {o.label}
          </button>
        ))}
      </div>
      <button
        onClick={p.onSkip}
        className="w-full rounded border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100"
      >
        Next lead without saving <kbd className="text-xs text-slate-500">n</kbd>
      </button>
    </section>
  );
}

/**
 * What "keep" does to this lead's follow-up: one due today or overdue is what this call answers,
 * so saving marks it done (lib/leads/add-sales-action.ts decides; the call list's buckets use the
 * same company day); a later one stays.
 */
function KeepLabel({ lead }: { lead: TProps["lead"] }) {
  if (!lead.nextFollowUpAt) return <>keep (none planned)</>;
  const due = lead.bucket === "overdue" || lead.bucket === "due_today";
  return (
    <>
      {due ? "mark done: due " : "keep "}
      <FollowUpWhen at={lead.nextFollowUpAt} hasTime={lead.nextFollowUpHasTime} />
    </>
  );
}
