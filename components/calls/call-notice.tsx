"use client";

import { useEffect } from "react";
import { formatZonedWeekday } from "@/lib/kernel/zoned-format";

/** What saving a call answers with (lib/calls/log-call-outcome.ts). */
export type TSavedCall = {
  actionId: number;
  followUpAt: string | null;
  followUpKept: boolean;
  /** The due or overdue follow-up the call completed, or null. */
  followUpDone: string | null;
  timeZone: string;
};

/** The call list's last word: what was saved (or refused), and the Undo it offers for a while. */
export type TCallNotice = { ok: boolean; text: string; undo?: { actionId: number; leadId: number; what: string } };

// How long the notice offers Undo; the server allows a little longer (UNDO_WINDOW_MS) so a click
// at the last moment on a slow connection still counts.
const UNDO_OFFER_MS = 10_000;

/** What happened to the lead's follow-up, in the rep's words, days in the company zone. */
export function followUpWords(saved: TSavedCall): string {
  const day = (iso: string) => formatZonedWeekday(iso, saved.timeZone);
  if (saved.followUpDone) return `Follow-up of ${day(saved.followUpDone)} marked done`;
  if (!saved.followUpAt) return "no follow-up";
  return saved.followUpKept ? `Follow-up ${day(saved.followUpAt)} kept` : `Follow-up set for ${day(saved.followUpAt)}`;
}

export function savedCallNotice(saved: TSavedCall, outcomeLabel: string, lead: { id: number; company: string }): TCallNotice {
  return {
    ok: true,
    text: `${outcomeLabel} logged for ${lead.company} · ${followUpWords(saved)}`,
    undo: { actionId: saved.actionId, leadId: lead.id, what: `${outcomeLabel} for ${lead.company}` },
  };
}

/** The Undo offer lapses after a few seconds (the notice text stays). */
export function useUndoOfferExpiry(
  notice: TCallNotice | null,
  setNotice: (update: (current: TCallNotice | null) => TCallNotice | null) => void,
) {
  const offeredId = notice?.undo?.actionId;
  useEffect(() => {
    if (offeredId === undefined) return;
    const timer = setTimeout(
      () => setNotice((m) => (m?.undo?.actionId === offeredId ? { ok: m.ok, text: m.text } : m)),
      UNDO_OFFER_MS,
    );
    return () => clearTimeout(timer);
  }, [offeredId, setNotice]);
}

/** The notice line above the call list, with its Undo button while the offer lasts. */
export function CallNotice({
  notice,
  undoing,
  onUndo,
}: {
  notice: TCallNotice | null;
  undoing: boolean;
  onUndo: () => void;
}) {
  return (
    <div className="flex min-h-8 flex-wrap items-center gap-2">
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${notice?.ok === false ? "text-red-700" : "text-green-700"}`}
        data-testid="call-message"
      >
        {notice?.text}
      </p>
      {notice?.undo ? (
        <button
          type="button"
          onClick={onUndo}
          disabled={undoing}
          className="rounded border border-slate-300 px-2 py-0.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50"
        >
          Undo <kbd className="text-xs text-slate-500">u</kbd>
        </button>
      ) : null}
    </div>
  );
}
