import type { TCallListRow } from "@/lib/calls/get-call-list";
import { OUTCOME_LABELS } from "@/lib/leads/lead-vocabulary";
import { FOLLOW_UP_SHORTCUTS, type TFollowUpShortcut } from "@/lib/kernel/zoned-time";

// What the call list's panel and workspace share: the row they show and the keys a rep presses.
export type TCallRowView = TCallListRow;

// Keys 1–6 follow the order a rep meets outcomes most: answered, voicemail, no answer first.
export const OUTCOMES = (
  ["answered", "voicemail", "no_answer", "interested", "not_interested", "callback"] as const
).map((value, i) => ({
  key: String(i + 1),
  value,
  label: OUTCOME_LABELS[value],
}));

// "keep" is the default: an outcome key alone never clears the follow-up a lead already has.
// The shortcuts and their days are the kernel's (the lead page's action form offers the same);
// the server turns the picked one into a company day when the call is saved.
const SHORTCUT_HOTKEYS: Record<TFollowUpShortcut, string> = { "1h": "h", tomorrow9: "9", tomorrow: "t", "3d": "d", "1w": "w", monday: "m" };
export type TFollowUpPick = "keep" | "none" | TFollowUpShortcut | "custom";
export const FOLLOW_UPS: { key: string; value: TFollowUpPick; label: string }[] = [
  { key: "k", value: "keep", label: "keep" },
  { key: "x", value: "none", label: "no follow-up" },
  ...FOLLOW_UP_SHORTCUTS.map((s) => ({ key: SHORTCUT_HOTKEYS[s.key], value: s.key, label: s.label.replace(/^\w/, (c) => c.toLowerCase()) })),
  { key: "c", value: "custom", label: "pick a date and time" },
];
