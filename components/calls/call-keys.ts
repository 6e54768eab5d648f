import type { TCallListRow } from "@/lib/calls/get-call-list";
import { OUTCOME_LABELS } from "@/lib/leads/lead-vocabulary";

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
export type TFollowUpPick = "keep" | "none" | "tomorrow" | "3d" | "1w" | "custom";
export const FOLLOW_UPS: { key: string; value: TFollowUpPick; label: string }[] = [
  { key: "k", value: "keep", label: "keep" },
  { key: "x", value: "none", label: "no follow-up" },
  { key: "t", value: "tomorrow", label: "tomorrow" },
  { key: "d", value: "3d", label: "in 3 days" },
  { key: "w", value: "1w", label: "next week" },
  { key: "c", value: "custom", label: "pick a date" },
];
