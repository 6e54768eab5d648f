"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import type { TPoolRow } from "@/lib/calls/get-lead-pool";
import { FormMessage } from "@/components/ui/form-message";
import { LockBadge } from "@/components/calls/lock-badge";
import { StateChips } from "@/components/calls/state-chips";
import { ZonedTime } from "@/components/ui/zoned-time";
import { LiveLeadBadge } from "@/components/live/live-lead-badge";

export type TPoolRowView = TPoolRow;

const money = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});

function ClaimButton({ leadId, action, company }: { leadId: number; action: TFormAction; company: string }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  if (state?.ok) return <span className="text-sm text-green-700">Claimed</span>;
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="lead_id" value={leadId} />
      <button
        disabled={pending}
        className="rounded bg-brand-600 px-3 py-1 text-sm text-white disabled:opacity-60"
        aria-label={`Claim ${company}`}
      >
        {pending ? "Claiming…" : "Claim"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** Unassigned leads: mine first with the matched states, who is calling, and Claim. */
export function PoolTable({ rows, claimAction }: { rows: TPoolRowView[]; claimAction?: TFormAction }) {
  // A claimed lead leaves the pool on the refresh that follows, its row and button with it: the
  // confirmation lives here, above the list.
  const [notice, setNotice] = useState<string | null>(null);
  const claim: TFormAction | undefined = claimAction
    ? async (prev, payload) => {
        const res = await claimAction(prev, payload);
        if (res.ok) {
          const id = Number(payload instanceof FormData ? payload.get("lead_id") : payload.lead_id);
          setNotice(
            `Claimed ${rows.find((r) => r.id === id)?.companyName ?? "the lead"}: it is on your call list.`,
          );
        }
        return res;
      }
    : undefined;
  return (
    <>
      <p role="status" className="min-h-5 text-sm text-green-700" data-testid="pool-notice">
        {notice}
      </p>
      {rows.length ? (
        <PoolList rows={rows} claim={claim} />
      ) : (
        <p className="rounded-lg border bg-white p-4 text-sm text-slate-600">No unassigned leads here.</p>
      )}
    </>
  );
}

function PoolList({ rows, claim: claimAction }: { rows: TPoolRowView[]; claim?: TFormAction }) {
  return (
    <ul
      className="divide-y divide-slate-200 rounded-lg border bg-white"
      aria-label="Lead pool"
    >
      {rows.map((r) => (
        <li
          key={r.id}
          className="flex flex-wrap items-center gap-3 px-3 py-2"
          data-lead-id={r.id}
          data-in-territory={r.matchedStates.length > 0}
        >
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/admin/crm/lead/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.companyName}
              </Link>
              <LockBadge lockedBy={r.lockedBy} />
              <LiveLeadBadge leadId={r.id} />
            </div>
            <div className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <StateChips states={r.states} matched={r.matchedStates} />
              <span>{r.leadSource.replace("_", " ")}</span>
              <span>{money.format(r.estimatedValue)}</span>
              <span>{r.callStatus}</span>
              <ZonedTime value={r.createdAt} />
            </div>
          </div>
          {r.companyPhone ? (
            <a
              href={`tel:${r.companyPhone.replace(/[^\d+]/g, "")}`}
              className="text-sm text-brand-700 hover:underline"
            >
              {r.companyPhone}
            </a>
          ) : null}
          {claimAction && r.claimable ? (
            <ClaimButton leadId={r.id} action={claimAction} company={r.companyName} />
          ) : null}
          {!r.claimable ? <span className="text-xs text-slate-500">Outside your territories</span> : null}
        </li>
      ))}
    </ul>
  );
}
