"use client";

import { useEffect, useId, useRef } from "react";
import type { TActionState } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { secondaryButton } from "@/components/ui/classes";

/**
 * A native <dialog> opened as a modal: the browser traps focus, Escape closes it and the page
 * behind is inert. `open` is controlled by the caller.
 */
export function ModalDialog({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-5">
        <div className="mb-4 flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <button
            type="button"
            onClick={onClose}
            className="rounded px-2 text-xl leading-none text-slate-500 hover:bg-slate-100"
            aria-label="Close"
          >
            ×
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}

/** A dialog form's last rows: optional notes, the refusal message, Cancel and the submit button. */
export function DialogFormFooter({
  state,
  pending,
  onCancel,
  submitLabel,
  submitClassName,
  notesClassName,
}: {
  state?: TActionState;
  pending: boolean;
  onCancel: () => void;
  submitLabel: string;
  submitClassName: string;
  /** null: the form has no notes field (it brings its own fields). */
  notesClassName: string | null;
}) {
  return (
    <>
      {notesClassName !== null ? (
        <label className="text-sm font-medium">
          Notes
          <textarea name="notes" rows={2} maxLength={5000} className={notesClassName} />
        </label>
      ) : null}
      <FormMessage state={state} />
      <div className="flex justify-end gap-2">
        <button type="button" className={secondaryButton} onClick={onCancel}>
          Cancel
        </button>
        <button disabled={pending} className={submitClassName}>
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </>
  );
}
