"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { TFormAction } from "@/lib/action-state";
import type { TMergeResult } from "@/lib/companies/merge-companies";
import type { TMergeCandidate } from "@/lib/companies/get-merge-preview";
import { STATUS_LABELS } from "@/lib/leads/lead-vocabulary";
import { MERGE_FIELDS, MERGE_FIELD_LABELS, defaultMergeChoices, type TMergeField } from "@/lib/companies/merge-fields";
import { FieldError } from "@/components/ui/field-error";
import { dangerButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";

const shown = (v: string | null) => v ?? "(empty)";

/**
 * Both companies have open leads: after the merge the survivor has them all, side by side. The
 * merge never combines leads (two may be two jobs); this says so before the manager merges.
 */
function BothOpenLeads({ a, b }: { a: TMergeCandidate; b: TMergeCandidate }) {
  if (!a.openLeads.length || !b.openLeads.length) return null;
  return (
    <div role="note" aria-label="Open leads on both companies" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="merge-open-leads">
      <p className="font-medium">Both companies have open leads:</p>
      <ul className="mt-1 list-disc pl-5">
        {[a, b].flatMap((c) =>
          c.openLeads.map((l) => (
            <li key={l.id}>
              <Link href={`/admin/crm/lead/${l.id}`} className="underline">
                Lead #{l.id}
              </Link>{" "}
              of #{c.id} {c.values.name}: {STATUS_LABELS[l.status]}, {l.owner ?? "in the pool"}
            </li>
          )),
        )}
      </ul>
      <p className="mt-1">
        The merge moves them all to the surviving company and keeps them as separate leads. If they are the same job, combine
        them by hand afterwards (keep one, mark the other lost); the leads&apos; timelines will list them.
      </p>
    </div>
  );
}

/**
 * The merge screen: which company survives, then each field's value from either company. The
 * defaults keep the survivor's values and fill its empty ones from the other.
 */
export function MergeForm({ a, b, action }: { a: TMergeCandidate; b: TMergeCandidate; action: TFormAction<TMergeResult> }) {
  const router = useRouter();
  const [survivorId, setSurvivorId] = useState(a.leads >= b.leads ? a.id : b.id);
  const survivor = survivorId === a.id ? a : b;
  const merged = survivorId === a.id ? b : a;
  const [choices, setChoices] = useState<Record<TMergeField, number>>(() => pick(survivor, merged));
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    onSuccess: (s) => {
      if (s.ok && s.data) router.push(`/admin/crm/company/${s.data.survivorId}`);
    },
  });

  function pick(s: TMergeCandidate, m: TMergeCandidate): Record<TMergeField, number> {
    const d = defaultMergeChoices(s.values, m.values);
    return Object.fromEntries(MERGE_FIELDS.map((f) => [f, d[f] === "merged" ? m.id : s.id])) as Record<TMergeField, number>;
  }
  function chooseSurvivor(id: number) {
    setSurvivorId(id);
    const s = id === a.id ? a : b;
    setChoices(pick(s, s === a ? b : a));
  }

  const e = state?.errors;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" aria-label="Merge two companies">
      <input type="hidden" name="survivor_id" value={survivor.id} />
      <input type="hidden" name="merged_id" value={merged.id} />
      <fieldset className="rounded-lg border bg-white p-4">
        <legend className="px-1 font-semibold">Which company survives?</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {[a, b].map((c) => (
            <label key={c.id} className="flex items-start gap-2 rounded border p-2 text-sm">
              <input type="radio" name="survivor_choice" value={c.id} checked={survivorId === c.id} onChange={() => chooseSurvivor(c.id)} className="mt-1" />
              <span>
                <span className="font-medium">
                  #{c.id} {c.values.name}
                </span>
                <br />
                {c.leads} {c.leads === 1 ? "lead" : "leads"}, {c.contacts} {c.contacts === 1 ? "contact" : "contacts"}
              </span>
            </label>
          ))}
        </div>
        <FieldError errors={e?.merged_id ?? e?.survivor_id} />
      </fieldset>
      <div className="grid gap-3 md:grid-cols-2">
        {MERGE_FIELDS.map((field) => (
          <fieldset key={field} className="rounded-lg border bg-white p-3" data-testid={`merge-field-${field}`}>
            <legend className="px-1 text-sm font-semibold">{MERGE_FIELD_LABELS[field]}</legend>
            {[survivor, merged].map((c) => (
              <label key={c.id} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={field}
                  value={c.id}
                  checked={choices[field] === c.id}
                  onChange={() => setChoices({ ...choices, [field]: c.id })}
                />
                <span className={c.values[field] === null ? "text-slate-600 italic" : ""}>{shown(c.values[field])}</span>
                <span className="text-slate-600">(#{c.id})</span>
              </label>
            ))}
            <FieldError errors={e?.[field]} />
          </fieldset>
        ))}
      </div>
      <BothOpenLeads a={a} b={b} />
      <p className="text-sm text-slate-700">
        All leads, contacts, actions, emails, conversions and webhook history of <strong>#{merged.id} {merged.values.name}</strong> move
        to <strong>#{survivor.id}</strong>. #{merged.id} stays only as a record that routes its identifiers to the survivor. The merge is
        recorded in the audit log and the leads&apos; timelines; it is not undone by a button.
      </p>
      <button className={dangerButton} disabled={pending}>
        {pending ? "Merging…" : `Merge #${merged.id} into #${survivor.id}`}
      </button>
    </form>
  );
}
