// What a browser receives on the live stream (one SSE `data:` line, JSON). No "server-only": the
// client components share the type. Lead events say which lead changed and who holds it now,
// never contact details; the page re-reads what it shows through its own permission checks.
import type { TLeadLiveKind } from "@/lib/live/publish-live-event";

export type TClientLiveEvent =
  | {
      kind: TLeadLiveKind;
      leadId: number;
      assignedAdminId: number | null;
      /** The holder's name, for "claimed by Sarah". */
      assignedAdminName: string | null;
      actorId: number | null;
    }
  | { kind: "user.notice"; leadId: number | null; title: string; body: string; href: string | null; notificationId: number | null };

/** SSE event names besides the default `message` carrying a TClientLiveEvent. */
export const LIVE_STREAM_EVENTS = {
  /** First frame: the stream is open (the client clears its "reload" notice). */
  ready: "ready",
  /** The resume window was passed (too many or too old events): re-read everything. */
  reset: "reset",
} as const;
