"use client";

import { usePathname, useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { LIVE_STREAM_EVENTS, type TClientLiveEvent } from "@/lib/live/client-live-event";
import { playChime, showDesktopAlert } from "@/components/live/live-alerts";
import { poolTabTitle } from "@/lib/live/pool-tab-title";

export type TLiveStatus = "connecting" | "open" | "down";

type TLiveState = {
  /** Leads that just arrived in my view (new in the pool, or just given to me): highlighted. */
  fresh: ReadonlySet<number>;
  /** Leads someone else just took, with their name: "Claimed by Sarah". */
  claimedBy: ReadonlyMap<number, string>;
  poolCount: number;
  /** Unread notifications: the Inbox nav badge. */
  unreadCount: number;
  /** The Requests nav badge (issue #21). */
  requestCount: number;
};

// The stream's status is not in the context: it changes on every reconnect, and nothing that reads
// the context (the nav badges, every lead badge) shows it. Only this provider does (the "paused"
// notice and <html data-live>), so a status change re-renders the provider alone.
const LiveContext = createContext<TLiveState>({ fresh: new Set(), claimedBy: new Map(), poolCount: 0, unreadCount: 0, requestCount: 0 });

export function useLive(): TLiveState {
  return useContext(LiveContext);
}

// How long a new lead stays highlighted; how long a silent stream may take before the
// "reload" notice shows; the browser's own retry covers blips, this covers refusals (EventSource
// gives up for good on a non-200 answer, e.g. a 503 during a restart).
const FRESH_MS = 20_000;
const DOWN_AFTER_MS = 8_000;
const MAX_RETRY_MS = 60_000;
const REFRESH_DELAY_MS = 100;
const REFRESH_EVERY_MS = 1_000;

/**
 * One EventSource per tab (GET /api/events) for the whole CRM layout. Each lead event re-reads
 * the page through the router (server components re-run with the viewer's own permissions, so
 * the pool, dashboard and call list update in place), marks the lead for a highlight or a
 * "claimed by" line, and — when the user opted in on My account — raises a desktop notification
 * and a chime. A notice for this user is a toast. The pool count drives the nav badge and the
 * tab title "(3) …".
 */
export function LiveProvider({
  userId,
  poolCount,
  unreadCount = 0,
  requestCount = 0,
  desktopAlerts,
  sound,
  children,
}: {
  userId: number;
  poolCount: number;
  unreadCount?: number;
  requestCount?: number;
  desktopAlerts: boolean;
  sound: boolean;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const [claimedBy, setClaimedBy] = useState<ReadonlyMap<number, string>>(new Map());
  const [status, setStatus] = useState<TLiveStatus>("connecting");
  const prefs = useRef({ desktopAlerts, sound });
  useEffect(() => {
    prefs.current = { desktopAlerts, sound };
  }, [desktopAlerts, sound]);

  useEffect(() => {
    let source: EventSource | null = null;
    let stopped = false;
    let everOpen = false;
    let retryMs = 2_000;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let downTimer: ReturnType<typeof setTimeout> | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    // Events in a burst share one re-read, and re-reads come at most once a second: a webhook
    // flood must not turn every open tab into a stream of page renders on the server.
    let lastRefresh = 0;
    const refreshSoon = () => {
      if (refreshTimer) return;
      const wait = Math.max(REFRESH_DELAY_MS, lastRefresh + REFRESH_EVERY_MS - Date.now());
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        lastRefresh = Date.now();
        router.refresh();
      }, wait);
    };
    const expectReadySoon = () => {
      if (!downTimer) downTimer = setTimeout(() => setStatus("down"), DOWN_AFTER_MS);
    };
    const markFresh = (leadId: number) => {
      setFresh((s) => new Set(s).add(leadId));
      setTimeout(() => setFresh((s) => {
        const next = new Set(s);
        next.delete(leadId);
        return next;
      }), FRESH_MS);
    };
    const alert = (title: string, body: string, leadId: number | null) => {
      // A visible tab already shows the change (row highlight, toast); the desktop says it elsewhere.
      if (prefs.current.desktopAlerts && document.visibilityState !== "visible") showDesktopAlert(title, body, leadId ? () => router.push(`/admin/crm/lead/${leadId}`) : undefined);
      if (prefs.current.sound) playChime();
    };

    const handle = (e: TClientLiveEvent) => {
      if (e.kind === "user.notice") {
        const href = e.href;
        toast(e.title, {
          description: e.body || undefined,
          duration: 15_000,
          action: href ? { label: "Open", onClick: () => router.push(href) } : undefined,
        });
        alert(e.title, e.body, e.leadId);
        // A notice may change what the page and the nav badges show (a request to decide, a
        // handoff accepted): re-read them too.
        refreshSoon();
        return;
      }
      refreshSoon();
      const toMe = e.assignedAdminId === userId && e.actorId !== userId;
      if (e.kind === "lead.created" && e.assignedAdminId === null) {
        markFresh(e.leadId);
        alert("New lead", "A new lead is in the pool.", e.leadId);
      } else if ((e.kind === "lead.assigned" || e.kind === "lead.claimed") && toMe) {
        markFresh(e.leadId);
        alert("Lead assigned to you", "A lead was given to you.", e.leadId);
      }
      if ((e.kind === "lead.claimed" || e.kind === "lead.assigned") && e.assignedAdminId !== userId && e.assignedAdminName) {
        setClaimedBy((m) => new Map(m).set(e.leadId, e.assignedAdminName!));
      } else if (e.kind === "lead.released" || e.kind === "lead.reopened") {
        setClaimedBy((m) => {
          const next = new Map(m);
          next.delete(e.leadId);
          return next;
        });
      }
    };

    const open = () => {
      if (stopped) return;
      const es = (source = new EventSource("/api/events"));
      expectReadySoon();
      es.addEventListener(LIVE_STREAM_EVENTS.ready, () => {
        clearTimeout(downTimer);
        downTimer = undefined;
        retryMs = 2_000;
        setStatus("open");
        // Back after a restart or a blip: the replay covered what the stream kept; one re-read
        // covers the rest (a stream opened anew has no Last-Event-ID).
        if (everOpen) refreshSoon();
        everOpen = true;
      });
      es.addEventListener(LIVE_STREAM_EVENTS.reset, refreshSoon);
      es.onmessage = (m: MessageEvent<string>) => {
        try {
          handle(JSON.parse(m.data) as TClientLiveEvent);
        } catch {
          // A frame we cannot read changes nothing on screen.
        }
      };
      es.onerror = () => {
        if (es.readyState !== EventSource.CLOSED) {
          // The browser reconnects by itself (with Last-Event-ID); say so only if it takes long.
          expectReadySoon();
          return;
        }
        // Refused (401 after a sign-out, 503 during a restart): the browser gave up; we retry.
        es.close();
        setStatus("down");
        retryTimer = setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      };
    };
    open();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(refreshTimer);
      clearTimeout(downTimer);
      clearTimeout(retryTimer);
    };
  }, [router, userId]);

  // The stream's state on <html data-live="open">, for tests and for support ("is it live?").
  useEffect(() => {
    document.documentElement.dataset.live = status;
  }, [status]);

  // "(3) Lead pool · Pilot CRM": Next rewrites the title on navigation, so watch it.
  useEffect(() => {
    const apply = () => {
      const wanted = poolTabTitle(document.title, poolCount);
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [poolCount, pathname]);

  const value = useMemo(() => ({ fresh, claimedBy, poolCount, unreadCount, requestCount }), [fresh, claimedBy, poolCount, unreadCount, requestCount]);
  return (
    <LiveContext.Provider value={value}>
      {children}
      {status === "down" ? (
        <div role="status" className="fixed inset-x-0 bottom-4 z-40 mx-auto flex w-fit max-w-[calc(100%-2rem)] flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 shadow" data-testid="live-down">
          <span>Live updates paused. New leads may be waiting.</span>
          <button type="button" onClick={() => window.location.reload()} className="rounded border border-amber-400 bg-white px-3 py-1 font-medium hover:bg-amber-100">
            Reload
          </button>
        </div>
      ) : null}
    </LiveContext.Provider>
  );
}
