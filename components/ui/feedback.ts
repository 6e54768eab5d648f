"use client";

import { createElement } from "react";
import { toast } from "sonner";
import type { TActionState } from "@/lib/action-state";

/** Field errors the form shows under its fields ("form" is the path of a whole-form issue). */
export function fieldErrorKeys(state?: TActionState): string[] {
  return Object.keys(state?.errors ?? {}).filter((k) => k !== "form");
}

/**
 * What a refusal says once: when fields carry the details, only a pointer to them (the server's
 * message restates the first field error, which would then appear twice); otherwise the
 * whole-form issue or the server's message.
 */
export function refusalText(state: TActionState): string {
  const formLevel = state.errors?.form?.join(" ");
  if (fieldErrorKeys(state).length) return `${formLevel ? `${formLevel} ` : ""}Not saved: check the marked fields.`;
  return formLevel || state.message || "Not saved.";
}

export type TAnnounce = {
  /** Said on success when the server sends no message of its own; false: the UI shows it otherwise. */
  success?: string | false;
  /**
   * "inline": the form shows refusals itself (a modal dialog: a toast would sit under the
   * dialog's top layer), so no toast for them.
   */
  failure?: "toast" | "inline";
};

/** Every save's answer as a toast: the one place that decides what the user hears. */
export function announce(state: TActionState, { success = "Saved", failure = "toast" }: TAnnounce = {}) {
  if (state.ok) {
    if (success !== false) toast.success(state.message ?? success);
    return;
  }
  if (failure === "toast") toast.error(refusalText(state), { duration: 10_000 });
}

/** One line of a save that touched several things (a bulk action): what happened to each. */
export type TResultLine = { ok: boolean; text: string };

/**
 * A save over several rows as one toast: the server's summary, and a line per row. A refused
 * request is a refusal like any other; some rows refused make it a warning that stays longer.
 */
export function announceEach(state: TActionState, lines: TResultLine[]) {
  if (!state.ok) return announce(state);
  const refused = lines.some((l) => !l.ok);
  const description = createElement(
    "ul",
    { className: "mt-1 space-y-0.5" },
    lines.map((l, i) => createElement("li", { key: i }, `${l.ok ? "✓" : "✗"} ${l.text}`)),
  );
  const say = refused ? toast.warning : toast.success;
  say(state.message ?? "Done", { description, duration: refused ? 10_000 : undefined });
}
