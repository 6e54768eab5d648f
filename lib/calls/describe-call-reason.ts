import type { TCallBucket } from "@/lib/calls/call-priority";
import { formatZonedShortDay, formatZonedTime } from "@/lib/kernel/zoned-format";

// Why a lead is on the call list, in words a rep reads at a glance. Pure: used by the server to
// build rows and safe to import from client components.
export type TReasonInput = {
  bucket: TCallBucket;
  nextFollowUpAt: string | Date | null;
  lastContactAt: string | Date | null;
  assignedAt: string | Date | null;
  createdAt: string | Date;
  /** The lead's haul at a glance (issue 16): a rep calls a superload first and knows what to offer. */
  haul?: THaulHint | null;
};

export type THaulHint = { escorts: number; states: string | null; police: boolean; superload: boolean };

function describeHaul(h: THaulHint): string {
  const parts = [
    h.escorts > 0 ? `${h.escorts} escort${h.escorts === 1 ? "" : "s"}${h.states ? ` in ${h.states}` : ""}` : null,
    h.police ? "police escort" : null,
    h.superload ? "superload" : null,
  ].filter(Boolean);
  return parts.length ? ` · haul: ${parts.join(", ")}` : "";
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "3 min ago", "2 h ago", "1 day ago": also the analytics page's "as of" (components/analytics/figure-freshness.tsx). */
export function ago(from: Date, now: Date): string {
  const ms = Math.max(0, now.getTime() - from.getTime());
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / 60_000))} min ago`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} h ago`;
  const days = Math.round(ms / DAY);
  return `${days} day${days === 1 ? "" : "s"} ago`;
}

export function describeCallReason(r: TReasonInput, now: Date, timeZone: string): string {
  return describeBucket(r, now, timeZone) + (r.haul ? describeHaul(r.haul) : "");
}

function describeBucket(r: TReasonInput, now: Date, timeZone: string): string {
  const date = (v: string | Date) => formatZonedShortDay(v, timeZone);
  const time = (v: string | Date) => formatZonedTime(v, timeZone);
  const contact = r.lastContactAt ? new Date(r.lastContactAt) : null;
  switch (r.bucket) {
    case "overdue":
      return `Follow-up overdue since ${date(r.nextFollowUpAt!)}`;
    case "due_today":
      return `Follow-up due today at ${time(r.nextFollowUpAt!)}`;
    case "new":
      return `New lead, never called — claimed ${ago(new Date(r.assignedAt ?? r.createdAt), now)}`;
    case "interested":
      return `Interested on the last call (${contact ? ago(contact, now) : "—"}), no follow-up booked`;
    case "callback":
      return `Asked for a callback ${contact ? ago(contact, now) : ""}`.trim();
    case "stale":
      return `No contact for ${contact ? Math.floor((now.getTime() - contact.getTime()) / DAY) : "many"} days`;
  }
}
