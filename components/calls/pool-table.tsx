"use client";

import Link from "next/link";
import type { TFormAction } from "@/lib/action-state";
import type { TPoolRow } from "@/lib/calls/get-lead-pool";
import { ActionButton } from "@/components/ui/action-button";
import { LockBadge } from "@/components/calls/lock-badge";
import { StateChips } from "@/components/calls/state-chips";
import { ZonedTime } from "@/components/ui/zoned-time";

export type TPoolRowView = TPoolRow;

const money = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});

/** Unassigned leads: mine first with the matched states, who is calling, and Claim. */
export function PoolTable({ rows, claimAction }: { rows: TPoolRowView[]; claimAction?: TFormAction }) {
  return rows.length ? (
    <PoolList rows={rows} claimAction={claimAction} />
  ) : (
    <p className="rounded-lg border bg-white p-4 text-sm text-slate-600">No unassigned leads here.</p>
  );
}

function PoolList({ rows, claimAction }: { rows: TPoolRowView[]; claimAction?: TFormAction }) {
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
            // The answer is a toast (the root layout's, so it outlives this row, which leaves the
            // pool on the refresh after a claim); a lead someone claimed first is a clear refusal.
            <ActionButton
              action={claimAction}
              fields={{ lead_id: r.id }}
              label="Claim"
              pendingLabel="Claiming…"
              ariaLabel={`Claim ${r.companyName}`}
              className="rounded bg-brand-600 px-3 py-1 text-sm text-white disabled:opacity-60"
              success={`Claimed ${r.companyName}: it is on your call list.`}
            />
          ) : null}
          {!r.claimable ? <span className="text-xs text-slate-500">Outside your territories</span> : null}
        </li>
      ))}
    </ul>
  );
}
