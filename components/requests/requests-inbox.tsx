"use client";

import { useState, useTransition } from "react";
import type { TFormAction } from "@/lib/action-state";
import type { TRequestInbox, TRequestRow } from "@/lib/requests/list-lead-requests";
import type { TDecideResult } from "@/lib/requests/decide-lead-requests";
import { compactInputClass, dangerButton, primaryButton } from "@/components/ui/classes";
import { announceEach } from "@/components/ui/feedback";
import { RequestSummary } from "@/components/requests/request-summary";

type TDecideAll = TFormAction<{ results: TDecideResult[] }>;

function RequestList({ rows, empty, selectable, selected, toggle }: { rows: TRequestRow[]; empty: string; selectable?: boolean; selected?: Set<number>; toggle?: (id: number) => void }) {
  if (!rows.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y rounded-lg border bg-white">
      {rows.map((r) => (
        <li key={r.id} className="flex items-start gap-3 p-3" data-testid="request-row" data-request-id={r.id}>
          {selectable ? (
            <input type="checkbox" className="mt-1 size-4" aria-label={`Select request ${r.id} (${r.lead.company})`} checked={selected?.has(r.id) ?? false} onChange={() => toggle?.(r.id)} />
          ) : null}
          <RequestSummary request={r} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The Requests page: what the viewer decides now (a manager: the approval queue, with approve /
 * decline of one or many and an optional note; a rep: handoffs offered to them, opened on the lead
 * page to accept), what waits on others, and the viewer's own requests.
 */
export function RequestsInbox({ inbox, manager, decideAll }: { inbox: TRequestInbox; manager: boolean; decideAll: TDecideAll }) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [note, setNote] = useState("");
  const [pending, startTransition] = useTransition();
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const run = (decision: "approve" | "decline") =>
    startTransition(async () => {
      const state = await decideAll(undefined, { request_ids: [...selected], decision, note: note || undefined });
      announceEach(state, (state.data?.results ?? []).map((r) => ({ ok: r.ok, text: `Request ${r.id}: ${r.message}` })));
      if (state.ok) {
        setSelected(new Set());
        setNote("");
      }
    });
  return (
    <div className="space-y-6">
      <section aria-labelledby="decide-h" className="space-y-3">
        <h2 id="decide-h" className="font-semibold">
          {manager ? "Waiting for your approval" : "Offered to you"} ({inbox.toDecide.length})
        </h2>
        {manager && inbox.toDecide.length ? (
          <div className="flex flex-wrap items-end gap-2 rounded-lg border bg-slate-50 p-3" data-testid="requests-bulk">
            <label className="text-sm font-medium">
              Note to the requesters (optional)
              <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} className={compactInputClass} />
            </label>
            <button type="button" className={primaryButton} disabled={pending || selected.size === 0} onClick={() => run("approve")}>
              Approve selected ({selected.size})
            </button>
            <button type="button" className={dangerButton} disabled={pending || selected.size === 0} onClick={() => run("decline")}>
              Decline selected
            </button>
          </div>
        ) : null}
        <RequestList rows={inbox.toDecide} empty="Nothing to decide." selectable={manager} selected={selected} toggle={toggle} />
        {!manager && inbox.toDecide.length ? <p className="text-sm text-slate-600">Open the lead to accept or decline.</p> : null}
      </section>
      <section aria-labelledby="others-h" className="space-y-3">
        <h2 id="others-h" className="font-semibold">
          {manager ? "Approved, waiting for the receiver" : "Coming your way once a manager approves"} ({inbox.waitingOnOthers.length})
        </h2>
        <RequestList rows={inbox.waitingOnOthers} empty="None." />
      </section>
      <section aria-labelledby="mine-h" className="space-y-3">
        <h2 id="mine-h" className="font-semibold">
          Your requests
        </h2>
        <RequestList rows={inbox.mine} empty="You have not asked for anything yet." />
      </section>
    </div>
  );
}
