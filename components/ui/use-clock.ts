"use client";

import { useSyncExternalStore } from "react";

// One shared browser clock for live ages ("waiting 4 min"): a single timer for the whole page,
// running only while something shows it, so ages tick without asking the server again.
const TICK_MS = 15_000;
let now = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function tick() {
  now = Date.now();
  for (const l of listeners) l();
  timer = setTimeout(tick, TICK_MS);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) tick();
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

function snapshot() {
  if (!now) now = Date.now();
  return now;
}

/**
 * The current time in milliseconds, updated every 15 s. The server and the hydrating browser both
 * use `serverNow` (when the page was read), so their text matches; the browser's clock follows.
 */
export function useClock(serverNow: string): number {
  return useSyncExternalStore(subscribe, snapshot, () => Date.parse(serverNow));
}
