"use client";

import { useState, useTransition } from "react";
import type { TFormAction } from "@/lib/action-state";
import type { TEnrolResult } from "@/lib/sequences/enrol-leads";
import type { TLeadEnrolment } from "@/lib/sequences/get-lead-enrolments";
import { ENROLMENT_STATUS_LABELS, STEP_KIND_LABELS, stopReasonLabel, type TEnrolmentStatus, type TStepKind } from "@/lib/sequences/sequence-vocabulary";
import { ActionButton } from "@/components/ui/action-button";
import { smallButton } from "@/components/ui/classes";
import { announce } from "@/components/ui/feedback";
import { SequenceEnrolPicker } from "@/components/sequences/sequence-enrol-picker";
import { ZonedTime } from "@/components/ui/zoned-time";

/**
 * The lead page's sequences card: the lead's enrolments with their state (the step next and when,
 * or why it stopped), pause / resume / stop for its rep and the manager, and enrolment when the
 * lead rules allow it (a held, open lead).
 */
export function LeadSequencePanel({
  leadId,
  enrolments,
  sequences,
  mayEnrol,
  enrolAction,
  stateAction,
}: {
  leadId: number;
  enrolments: TLeadEnrolment[];
  sequences: { id: number; name: string }[];
  mayEnrol: boolean;
  enrolAction: TFormAction<TEnrolResult>;
  stateAction: TFormAction;
}) {
  const [sequenceId, setSequenceId] = useState("");
  const [pending, startTransition] = useTransition();
  const live = enrolments.find((e) => e.status === "active" || e.status === "paused");

  function enrol() {
    startTransition(async () => {
      const state = await enrolAction(undefined, { sequence_id: sequenceId, lead_ids: [leadId] });
      const row = state.data?.results[0];
      // One lead: its own line is the whole answer.
      announce(row && !row.ok ? { ok: false, message: row.message } : state);
      if (state.ok && row?.ok) setSequenceId("");
    });
  }

  return (
    <section aria-labelledby="sequences" className="rounded-lg border bg-white p-4" data-testid="lead-sequences">
      <h2 id="sequences" className="mb-3 font-semibold">
        Sequences
      </h2>
      {enrolments.length ? (
        <ul className="space-y-3">
          {enrolments.map((e) => (
            <li key={e.id} className="text-sm" data-testid={`enrolment-${e.id}`}>
              <p>
                <a href={`/admin/crm/sequences/${e.sequenceId}`} className="font-medium text-brand-700 hover:underline">
                  {e.sequenceName}
                </a>{" "}
                · <span data-testid="enrolment-status">{ENROLMENT_STATUS_LABELS[e.status as TEnrolmentStatus] ?? e.status}</span>
              </p>
              <p className="text-slate-600">
                {e.status === "stopped" ? (
                  <>
                    <span data-testid="enrolment-reason">{stopReasonLabel(e.stopReason)}</span>
                    {e.stoppedAt ? (
                      <>
                        {" "}
                        · <ZonedTime value={e.stoppedAt} />
                      </>
                    ) : null}
                  </>
                ) : e.status === "completed" ? (
                  `All ${e.steps} steps done`
                ) : (
                  <>
                    Step {e.position + 1} of {e.steps}
                    {e.nextStepKind ? ` (${STEP_KIND_LABELS[e.nextStepKind as TStepKind] ?? e.nextStepKind})` : ""}
                    {e.nextRunAt ? (
                      <>
                        {" "}
                        at <ZonedTime value={e.nextRunAt} />
                      </>
                    ) : e.status === "paused" ? (
                      " · paused"
                    ) : null}
                  </>
                )}
              </p>
              {e.mayControl && (e.status === "active" || e.status === "paused") ? (
                <div className="mt-1 flex flex-wrap gap-2">
                  <ActionButton
                    action={stateAction}
                    fields={{ enrolment_id: e.id, op: e.status === "active" ? "pause" : "resume" }}
                    label={e.status === "active" ? "Pause" : "Resume"}
                    className={smallButton}
                  />
                  <ActionButton action={stateAction} fields={{ enrolment_id: e.id, op: "stop" }} label="Stop" className={`${smallButton} text-red-700`} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">Not in any sequence.</p>
      )}
      {mayEnrol && !live && sequences.length ? (
        <SequenceEnrolPicker
          className="mt-3 flex flex-wrap items-end gap-2"
          label="Enrol in"
          placeholder="Choose a sequence…"
          sequences={sequences}
          value={sequenceId}
          onChange={setSequenceId}
          onEnrol={enrol}
          pending={pending}
        />
      ) : null}
    </section>
  );
}
