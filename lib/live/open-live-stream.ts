import "server-only";
import { NextResponse } from "next/server";
import type { TActor } from "@/lib/auth/permissions";
import { LIVE_STREAM_EVENTS } from "@/lib/live/client-live-event";
import { mayReceiveLiveEvent, toClientLiveEvent } from "@/lib/live/live-audience";
import { subscribeLiveEvents } from "@/lib/live/live-listener";
import { readLiveEvents, type TStoredLiveEvent } from "@/lib/live/read-live-events";

// A stream ends after this long and the browser reconnects at once (Last-Event-ID): the session is
// checked again, so a sign-out or a deactivation also ends what the user hears.
export const LIVE_STREAM_MAX_MS = 10 * 60_000;
// A resume further back than this is answered with `reset` (re-read the page) instead of a flood.
export const LIVE_REPLAY_LIMIT = 500;
// What EventSource waits before reconnecting after a drop.
const RETRY_MS = 2_000;

/** Parses Last-Event-ID; anything but a plain event id (a forged one included) means "from now". */
function parseLastEventId(value: string | null): bigint | null {
  return value && /^\d{1,18}$/.test(value.trim()) ? BigInt(value.trim()) : null;
}

/**
 * The Server-Sent Events answer for one signed-in user: the events of this instance's listener
 * that the user may see, after a replay from Last-Event-ID through the same filter (so a forged
 * id only chooses where the filtered replay starts).
 */
export function openLiveStream(actor: TActor, request: { lastEventId: string | null; signal: AbortSignal }): NextResponse {
  const after = parseLastEventId(request.lastEventId);
  const encoder = new TextEncoder();
  let stop = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const openedAt = Date.now();
      // Events heard while the replay is read; sent after it, without the ones it already sent.
      let held: TStoredLiveEvent[] | null = after === null ? null : [];
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const send = (e: TStoredLiveEvent) => {
        if (mayReceiveLiveEvent(actor, e)) write(`id: ${e.id}\ndata: ${JSON.stringify(toClientLiveEvent(e))}\n\n`);
      };
      stop = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the other side
        }
      };
      const unsubscribe = subscribeLiveEvents({
        deliver: (events) => (held ? held.push(...events) : events.forEach(send)),
        tick: (now) => (now - openedAt > LIVE_STREAM_MAX_MS ? stop() : write(": heartbeat\n\n")),
        close: () => stop(),
      });
      request.signal.addEventListener("abort", () => stop());
      write(`retry: ${RETRY_MS}\n\n`);

      if (after !== null) {
        try {
          const replay = await readLiveEvents({ after, limit: LIVE_REPLAY_LIMIT + 1 });
          if (replay.length > LIVE_REPLAY_LIMIT) write(`event: ${LIVE_STREAM_EVENTS.reset}\ndata: {}\n\n`);
          else replay.forEach(send);
          const sent = new Set(replay.map((e) => e.id));
          const live = held ?? [];
          held = null;
          live.filter((e) => e.id > after && !sent.has(e.id)).forEach(send);
        } catch {
          held = null;
          write(`event: ${LIVE_STREAM_EVENTS.reset}\ndata: {}\n\n`);
        }
      }
      write(`event: ${LIVE_STREAM_EVENTS.ready}\ndata: {}\n\n`);
    },
    cancel() {
      stop();
    },
  });

  return new NextResponse(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-store, no-transform",
      Connection: "keep-alive",
      // nginx and similar proxies must pass each event on at once.
      "X-Accel-Buffering": "no",
    },
  });
}
