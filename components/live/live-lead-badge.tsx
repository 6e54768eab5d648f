"use client";

import { useLive } from "@/components/live/live-provider";

/**
 * Inside a lead's row: "New" while the lead is freshly in view (the row is highlighted through
 * `[data-lead-id]:has([data-live-new])` in globals.css), "Claimed by Sarah" once someone else
 * took it and the row is still on screen.
 */
export function LiveLeadBadge({ leadId }: { leadId: number }) {
  const { fresh, claimedBy } = useLive();
  const holder = claimedBy.get(leadId);
  if (holder) return <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-800" data-testid="live-claimed">Claimed by {holder}</span>;
  if (fresh.has(leadId)) return <span data-live-new="" className="rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-950">New</span>;
  return null;
}
