"use client";

import { useId, useState, useTransition } from "react";
import type { TFormAction } from "@/lib/action-state";
import type { TBulkResult } from "@/lib/leads/run-bulk-lead-action";
import type { TEnrolResult } from "@/lib/sequences/enrol-leads";
import type { TAssignee } from "@/components/leads/assign-lead-form";
import { LOST_REASONS } from "@/components/leads/mark-lost-dialog";
import { compactInputClass, dangerButton, primaryButton, secondaryButton } from "@/components/ui/classes";
import { announceEach } from "@/components/ui/feedback";
import { SelectField } from "@/components/ui/select-field";
import { SequenceEnrolPicker } from "@/components/sequences/sequence-enrol-picker";

type TOp = "claim" | "assign" | "lose";
type TRowsState = Parameters<typeof announceEach>[0] & { data?: { results: { leadId: number; ok: boolean; message: string }[] } };

/** One toast for a save over several rows: the summary and a line per lead. */
function announceRows(state: TRowsState, labels: Map<number, string>) {
  announceEach(
    state,
    (state.data?.results ?? []).map((r) => ({ ok: r.ok, text: `${labels.get(r.leadId) ?? `Lead #${r.leadId}`}: ${r.message}` })),
  );
}

/**
 * Bulk actions on the selected rows. Each lead goes through the same domain function as a single
 * click, so some may be refused (claimed by someone else first, closed, not yours): the answer
 * is one toast listing every row with what happened to it.
 */
export function BulkActionBar({
  selected,
  canAssign,
  assignees,
  action,
  sequences = [],
  enrolAction,
  onDone,
}: {
  selected: { id: number; label: string }[];
  canAssign: boolean;
  assignees: TAssignee[];
  action: TFormAction<TBulkResult>;
  /** The sequences the viewer may enrol leads in (lib/sequences/), and the enrol action. */
  sequences?: { id: number; name: string }[];
  enrolAction?: TFormAction<TEnrolResult>;
  onDone: () => void;
}) {
  const [pending, startTransition] = useTransition();
  const [adminId, setAdminId] = useState("");
  const [reason, setReason] = useState("");
  const [losing, setLosing] = useState(false);
  const [sequenceId, setSequenceId] = useState("");
  const ids = useId();

  function run(op: TOp) {
    const labels = new Map(selected.map((s) => [s.id, s.label]));
    startTransition(async () => {
      const state = await action(undefined, {
        op,
        lead_ids: selected.map((s) => s.id),
        admin_id: adminId || undefined,
        reason: reason || undefined,
      });
      announceRows(state, labels);
      if (state.ok) {
        setLosing(false);
        setReason("");
        onDone();
      }
    });
  }

  function enrol() {
    if (!enrolAction) return;
    const labels = new Map(selected.map((s) => [s.id, s.label]));
    startTransition(async () => {
      const state = await enrolAction(undefined, { sequence_id: sequenceId, lead_ids: selected.map((s) => s.id) });
      announceRows(state, labels);
      if (state.ok) onDone();
    });
  }

  return (
    <div className="space-y-2">
      {selected.length ? (
        <div
          role="group"
          aria-label="Bulk actions"
          className="flex flex-wrap items-end gap-2 rounded-lg border border-brand-600/30 bg-brand-50 p-3"
        >
          <p className="mr-2 self-center text-sm font-medium" aria-live="polite">
            {selected.length} selected
          </p>
          <button type="button" disabled={pending} className={primaryButton} onClick={() => run("claim")}>
            Claim
          </button>
          {canAssign ? (
            <div className="flex items-end gap-2">
              <SelectField
                label="Assign to"
                value={adminId}
                onChange={(e) => setAdminId(e.target.value)}
                placeholder={{ label: "Choose…" }}
                options={assignees.map((a) => ({ value: String(a.id), label: a.name }))}
                selectClassName={`mt-1 block ${compactInputClass}`}
              />
              <button
                type="button"
                disabled={pending || !adminId}
                className={secondaryButton}
                onClick={() => run("assign")}
              >
                Assign
              </button>
            </div>
          ) : null}
          {enrolAction && sequences.length ? (
            <SequenceEnrolPicker
              className="flex items-end gap-2"
              label="Sequence"
              placeholder="Choose…"
              sequences={sequences}
              value={sequenceId}
              onChange={setSequenceId}
              onEnrol={enrol}
              pending={pending}
            />
          ) : null}
          {losing ? (
            <div className="flex items-end gap-2">
              <label htmlFor={`${ids}-reason`} className="text-sm font-medium">
                Reason
                <input
                  id={`${ids}-reason`}
                  list={`${ids}-reasons`}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  className="mt-1 block w-56 rounded border border-slate-300 bg-white px-3 py-2 text-sm"
                  autoFocus
                />
                <datalist id={`${ids}-reasons`}>
                  {LOST_REASONS.map((r) => (
                    <option key={r} value={r} />
                  ))}
                </datalist>
              </label>
              <button
                type="button"
                disabled={pending || !reason.trim()}
                className={dangerButton}
                onClick={() => run("lose")}
              >
                Mark lost
              </button>
              <button type="button" className="text-sm underline" onClick={() => setLosing(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" disabled={pending} className={dangerButton} onClick={() => setLosing(true)}>
              Mark lost…
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}
