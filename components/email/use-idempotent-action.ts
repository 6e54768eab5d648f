"use client";

import { useCallback, useRef } from "react";
import type { TActionState, TFormAction } from "@/lib/action-state";
import { announce } from "@/components/ui/feedback";

function randomKey(): string {
  // getRandomValues works on plain-http intranet hosts too, where randomUUID is unavailable.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Wraps a sending action with an idempotency key: one key per message until an answer arrives.
 * When the answer is lost (network trouble) the key is kept, so pressing Send again lets the
 * server find the first attempt instead of sending a second email. Every answer is announced
 * (feedback.ts), like any other save.
 */
export function useIdempotentAction<T>(action: TFormAction<T>, onAnswer?: (state: TActionState<T>) => void): TFormAction<T> {
  const key = useRef<string | null>(null);
  return useCallback(
    async (prev: unknown, payload: FormData | Record<string, unknown>) => {
      key.current ??= randomKey();
      if (payload instanceof FormData) payload.set("idempotencyKey", key.current);
      else payload = { ...payload, idempotencyKey: key.current };
      let answer: TActionState<T>;
      try {
        answer = await action(prev, payload);
      } catch {
        const lost = { ok: false, message: "The connection failed. Press the button again: it will not be sent twice." };
        announce(lost);
        return lost;
      }
      key.current = null;
      onAnswer?.(answer);
      announce(answer);
      return answer;
    },
    [action, onAnswer],
  );
}
