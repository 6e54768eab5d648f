"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { TActionState } from "@/lib/action-state";
import { CoveringBadge } from "@/components/calls/covering-badge";
import { LockBadge } from "@/components/calls/lock-badge";
import { StateChips } from "@/components/calls/state-chips";
import { CallPanel } from "@/components/calls/call-panel";
import { FOLLOW_UPS, OUTCOMES, type TCallRowView, type TFollowUpPick } from "@/components/calls/call-keys";
import {
  CallNotice,
  savedCallNotice,
  useUndoOfferExpiry,
  type TCallNotice,
  type TSavedCall,
} from "@/components/calls/call-notice";
import { LiveLeadBadge } from "@/components/live/live-lead-badge";

type TAct<T = unknown> = (prev: unknown, payload: Record<string, unknown>) => Promise<TActionState<T>>;
export type TCallActions = { lock: TAct; release: TAct; save: TAct<TSavedCall>; undo: TAct };

const TYPING = "input, textarea, select, [contenteditable='true']";

/**
 * The rep's call flow: the prioritized list, and a panel for the lead being called. Saving an
 * outcome logs the call and opens the next lead; every step works from the keyboard (legend on
 * the page), and the shortcuts stay quiet while the rep types in a field.
 */
export function CallWorkspace({ rows, actions }: { rows: TCallRowView[]; actions: TCallActions }) {
  const router = useRouter();
  const [done, setDone] = useState<Set<number>>(() => new Set());
  const [skipped, setSkipped] = useState<Set<number>>(() => new Set());
  const [activeId, setActiveId] = useState<number | null>(null);
  const [lockError, setLockError] = useState<string | null>(null);
  const [notes, setNotes] = useState("");
  const [followUp, setFollowUp] = useState<TFollowUpPick>("keep");
  const [customDate, setCustomDate] = useState("");
  const [customTime, setCustomTime] = useState("");
  const [message, setMessage] = useState<TCallNotice | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLHeadingElement>(null);
  const lockRef = useRef<Promise<boolean>>(Promise.resolve(true));
  const [locking, setLocking] = useState(false);

  const visible = rows.filter((r) => !done.has(r.id));
  const active = visible.find((r) => r.id === activeId) ?? null;

  function nextAfter(id: number | null, skip: Set<number>): TCallRowView | null {
    const from = id === null ? -1 : rows.findIndex((r) => r.id === id);
    return (
      rows.slice(from + 1).find((r) => !done.has(r.id) && !skip.has(r.id) && r.id !== id && !r.lockedBy) ??
      null
    );
  }

  function open(row: TCallRowView | null) {
    setNotes("");
    setFollowUp("keep");
    setCustomDate("");
    setCustomTime("");
    setLockError(null);
    setActiveId(row?.id ?? null);
    if (!row) {
      lockRef.current = Promise.resolve(true);
      setMessage({ ok: true, text: "That is the whole list for now." });
      return;
    }
    setLocking(true);
    // Saving waits for this, so a quick key press can never save first and be re-locked after.
    lockRef.current = actions.lock(undefined, { leadId: row.id }).then((res) => {
      setLocking(false);
      if (!res.ok) setLockError(res.message ?? "Could not open this lead");
      return res.ok;
    });
  }

  function skip() {
    if (activeId === null) return open(nextAfter(null, skipped));
    const nextSkipped = new Set(skipped).add(activeId);
    setSkipped(nextSkipped);
    void actions.release(undefined, { leadId: activeId });
    open(nextAfter(activeId, nextSkipped));
  }

  // Not a transition: its pending flag would last until router.refresh() finishes, and a key
  // pressed for the next lead in the meantime would be dropped.
  async function save(outcome: string) {
    // The ref, not the state: two quick presses come before the re-render that would show it.
    if (!active || savingRef.current || lockError) return;
    const lead = active;
    savingRef.current = true;
    setSaving(true);
    try {
      if (!(await lockRef.current)) return;
      const res = await actions.save(undefined, {
        leadId: lead.id,
        outcome,
        notes,
        followUp,
        followUpDate: customDate,
        followUpTime: customTime,
      });
      if (!res.ok || !res.data) {
        setMessage({ ok: false, text: res.message ?? "Could not save the call" });
        return;
      }
      const label = OUTCOMES.find((o) => o.value === outcome)?.label ?? outcome;
      setMessage(savedCallNotice(res.data, label, { id: lead.id, company: lead.company.name }));
      setDone((d) => new Set(d).add(lead.id));
      open(nextAfter(lead.id, skipped));
      router.refresh();
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  }

  async function undo() {
    const offer = message?.undo;
    if (!offer || undoing) return;
    setUndoing(true);
    try {
      const res = await actions.undo(undefined, { action_id: offer.actionId });
      if (!res.ok) {
        setMessage({ ok: false, text: res.message ?? "Could not undo the call" });
        return;
      }
      setMessage({ ok: true, text: `Undone: ${offer.what} — the lead is back as it was` });
      setDone((d) => {
        const next = new Set(d);
        next.delete(offer.leadId);
        return next;
      });
      router.refresh();
    } finally {
      setUndoing(false);
    }
  }

  useUndoOfferExpiry(message, setMessage);

  // A newly opened lead takes the focus (screen readers announce it) before the rep can type.
  useEffect(() => {
    if (activeId !== null) panelRef.current?.focus();
  }, [activeId]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest(TYPING)) {
        if (e.key === "Escape") target.blur();
        return;
      }
      const outcome = OUTCOMES.find((o) => o.key === e.key);
      const pick = FOLLOW_UPS.find((f) => f.key === e.key);
      if (outcome && active) void save(outcome.value);
      else if (pick && active) setFollowUp(pick.value);
      else if (e.key === "u" && message?.undo) void undo();
      else if (e.key === "n") skip();
      else if (e.key === "s" && !active) open(nextAfter(null, skipped));
      else if (e.key === "e" && active) notesRef.current?.focus();
      else return;
      e.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
      <div className="order-2 space-y-2 lg:order-1">
        <CallNotice notice={message} undoing={undoing} onUndo={() => void undo()} />
        {visible.length === 0 ? (
          <p className="rounded-lg border bg-white p-4 text-sm text-slate-600">
            Nothing to call right now. Check the lead pool.
          </p>
        ) : null}
        <ol
          className="divide-y divide-slate-200 rounded-lg border bg-white"
          aria-label="Call list"
        >
          {visible.map((r, i) => (
            <li
              key={r.id}
              data-lead-id={r.id}
              data-bucket={r.bucket}
              aria-current={r.id === activeId ? "true" : undefined}
              className={`flex flex-wrap items-center gap-3 px-3 py-2 ${r.id === activeId ? "bg-amber-50" : ""}`}
            >
              <span className="w-6 text-right text-sm tabular-nums text-slate-500">{i + 1}</span>
              <div className="min-w-0 grow basis-48">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{r.company.name}</span>
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{r.bucketLabel}</span>
                  <span className="text-xs text-slate-600">{r.callStatus}</span>
                  <CoveringBadge coveringFor={r.coveringFor} />
                  <LockBadge lockedBy={r.lockedBy} />
                  <LiveLeadBadge leadId={r.id} />
                </div>
                <p className="text-sm text-slate-700">{r.reason}</p>
                <StateChips states={r.states} />
              </div>
              {r.contact.phone || r.company.phone ? (
                <a
                  href={`tel:${(r.contact.phone ?? r.company.phone)!.replace(/[^\d+]/g, "")}`}
                  className="text-sm text-brand-700 hover:underline"
                >
                  {r.contact.phone ?? r.company.phone}
                </a>
              ) : null}
              <button
                onClick={() => open(r)}
                className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
                aria-label={`Call ${r.company.name}`}
              >
                Call
              </button>
            </li>
          ))}
        </ol>
      </div>
      <aside className="order-1 lg:order-2">
        <div className="space-y-3 lg:sticky lg:top-4">
          {active ? (
            <CallPanel
              lead={active}
              lockError={lockError}
              locking={locking}
              pending={saving}
              notes={notes}
              onNotes={setNotes}
              followUp={followUp}
              onFollowUp={setFollowUp}
              customDate={customDate}
              onCustomDate={setCustomDate}
              customTime={customTime}
              onCustomTime={setCustomTime}
              onSave={save}
              onSkip={skip}
              notesRef={notesRef}
              dateRef={dateRef}
              headingRef={panelRef}
              leadHref={`/admin/crm/lead/${active.id}`}
            />
          ) : (
            <div className="rounded-lg border bg-white p-4 text-sm">
              <p>
                Press <kbd className="rounded border px-1">s</kbd> to start with the first lead, or choose
                Call on any row.
              </p>
              <Link href="/admin/crm/pool" className="mt-2 inline-block text-brand-700 hover:underline">
                Find more leads in the pool →
              </Link>
            </div>
          )}
          <KeyLegend />
        </div>
      </aside>
    </div>
  );
}

function KeyLegend() {
  const keys: [string, string][] = [
    ["s", "start the list"],
    ...OUTCOMES.map((o): [string, string] => [o.key, `${o.label} (saves, opens next)`]),
    ...FOLLOW_UPS.map((f): [string, string] => [f.key, `follow-up: ${f.label}`]),
    ["e", "write notes"],
    ["Esc", "leave the notes field"],
    ["u", "undo the call just saved"],
    ["n", "next lead (skip)"],
  ];
  return (
    // Only where there is a keyboard to use it: on a phone it would push the list off the screen.
    <section
      aria-labelledby="keys-h"
      className="hidden rounded-lg border bg-white p-3 text-xs lg:block pointer-coarse:hidden"
    >
      <h2 id="keys-h" className="mb-1 font-semibold">
        Keyboard
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        {keys.map(([k, what]) => (
          <div key={k} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1">{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
