"use client";

import { useId, useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import type { TNoteItem } from "@/lib/notes/list-notes";
import { NOTE_EDIT_MINUTES } from "@/lib/notes/note-rules";
import { MentionTextarea, type TMentionPerson } from "@/components/notes/mention-textarea";
import { NoteText } from "@/components/notes/note-text";
import { FieldError } from "@/components/ui/field-error";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { primaryButton, secondaryButton, smallButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";
import { ZonedTime } from "@/components/ui/zoned-time";

export type TNoteActions = { add: TFormAction; edit: TFormAction; remove: TFormAction };

/** A note form (new or edit): the @ textarea, the thread or note id, the answer under the field. */
function NoteForm({
  action,
  hidden,
  people,
  label,
  submit,
  defaultValue,
  initialMentionIds,
  onDone,
  onCancel,
}: {
  action: TFormAction;
  hidden: Record<string, string | number>;
  people: TMentionPerson[];
  label: string;
  submit: string;
  defaultValue?: string;
  initialMentionIds?: number[];
  onDone: () => void;
  onCancel?: () => void;
}) {
  const errorId = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action, { success: "Note saved", onSuccess: onDone });
  const errors = state?.errors?.body ?? (state && !state.ok && !state.errors ? [state.message ?? "Not saved"] : undefined);
  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-2">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <MentionTextarea people={people} label={label} defaultValue={defaultValue} initialMentionIds={initialMentionIds} errorId={errorId} invalid={!!errors} autoFocus={!!onCancel} />
      <FieldError id={errorId} errors={errors} />
      <div className="flex flex-wrap gap-2">
        <button disabled={pending} className={`${primaryButton} disabled:opacity-60`}>
          {pending ? "Saving…" : submit}
        </button>
        {onCancel ? (
          <button type="button" className={secondaryButton} onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * The internal discussion of a lead or a company: oldest first, each note with its author and
 * time, "edited" once changed, "Note deleted by …" once deleted; Edit for the author within
 * NOTE_EDIT_MINUTES, Delete for the author or the manager; a composer with the @ picker below.
 */
export function NotesThread({
  notes,
  thread,
  people,
  actions,
}: {
  notes: TNoteItem[];
  thread: { lead_id: number } | { company_id: number };
  people: TMentionPerson[];
  actions: TNoteActions;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  const [composer, setComposer] = useState(0);
  const idsOf = (n: TNoteItem) => people.filter((p) => n.mentions.includes(p.name)).map((p) => p.id);
  return (
    <section aria-labelledby="notes-h" className="rounded-lg border bg-white p-4" data-testid="notes">
      <h2 id="notes-h" className="font-semibold">
        Internal notes
      </h2>
      <p className="mb-3 text-xs text-slate-600">Only the team sees these.</p>
      {notes.length === 0 ? <p className="mb-3 text-sm text-slate-600">No notes yet.</p> : null}
      <ol className="mb-4 space-y-3">
        {notes.map((n) => (
          <li key={n.id} id={`note-${n.id}`} className="scroll-mt-20 rounded border border-slate-200 p-3 target:border-brand-600 target:bg-brand-50" data-testid="note">
            <div className="mb-1 flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600">
              <span className="font-medium text-slate-800">{n.author.name}</span>
              <ZonedTime value={n.createdAt} />
              {n.editedAt && !n.deleted ? <span data-testid="note-edited">(edited)</span> : null}
            </div>
            {n.deleted ? (
              <p className="text-sm italic text-slate-600" data-testid="note-deleted">
                Note deleted by {n.deleted.byName}
              </p>
            ) : editing === n.id ? (
              <NoteForm
                action={actions.edit}
                hidden={{ note_id: n.id }}
                people={people}
                label="Edit note"
                submit="Save"
                defaultValue={n.body ?? ""}
                initialMentionIds={idsOf(n)}
                onDone={() => setEditing(null)}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <NoteText body={n.body ?? ""} mentions={n.mentions} />
            )}
            {!n.deleted && editing !== n.id && (n.mayEdit || n.mayDelete) ? (
              <div className="mt-2 flex gap-2">
                {n.mayEdit ? (
                  <button type="button" className={smallButton} onClick={() => setEditing(n.id)} aria-label={`Edit note by ${n.author.name}`} title={`Notes can be edited for ${NOTE_EDIT_MINUTES} minutes`}>
                    Edit
                  </button>
                ) : null}
                {n.mayDelete ? (
                  <ConfirmAction
                    action={actions.remove}
                    fields={{ note_id: n.id }}
                    label="Delete"
                    ariaLabel={`Delete note by ${n.author.name}`}
                    title="Delete this note?"
                    confirmLabel="Delete note"
                    success="Note deleted"
                    className={smallButton}
                  >
                    The thread will show “Note deleted by you” in its place.
                  </ConfirmAction>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      <NoteForm key={composer} action={actions.add} hidden={thread} people={people} label="Add a note" submit="Add note" onDone={() => setComposer((k) => k + 1)} />
    </section>
  );
}
