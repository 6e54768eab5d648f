// The lead workflow's words and their labels. Plain data (no database): shared by the domain
// schemas and the UI, so a select's options and the server's validation cannot drift apart.
export const LEAD_STATUSES = ["pending", "assigned", "in_progress", "converted", "lost"] as const;
export const LEAD_SOURCES = [
  "load_plan",
  "quote",
  "location_share",
  "order_attempt",
  "import",
  "manual",
] as const;
export const ACTION_TYPES = ["call", "email", "text", "meeting"] as const;
export const ACTION_OUTCOMES = [
  "answered",
  "voicemail",
  "no_answer",
  "interested",
  "not_interested",
  "callback",
] as const;
export const CONVERSION_TYPES = ["order_placed", "manual_mark", "registration"] as const;

export type TLeadStatus = (typeof LEAD_STATUSES)[number];
export type TLeadSource = (typeof LEAD_SOURCES)[number];
export type TActionType = (typeof ACTION_TYPES)[number];
export type TActionOutcome = (typeof ACTION_OUTCOMES)[number];
export type TConversionType = (typeof CONVERSION_TYPES)[number];

export const STATUS_LABELS: Record<TLeadStatus, string> = {
  pending: "Pending",
  assigned: "Assigned",
  in_progress: "In progress",
  converted: "Converted",
  lost: "Lost",
};

export const SOURCE_LABELS: Record<TLeadSource, string> = {
  load_plan: "Load plan",
  quote: "Quote",
  location_share: "Location share",
  order_attempt: "Order attempt",
  import: "Import",
  manual: "Manual",
};

export const ACTION_TYPE_LABELS: Record<TActionType, string> = {
  call: "Call",
  email: "Email",
  text: "Text",
  meeting: "Meeting",
};

export const OUTCOME_LABELS: Record<TActionOutcome, string> = {
  answered: "Answered",
  voicemail: "Voicemail",
  no_answer: "No answer",
  interested: "Interested",
  not_interested: "Not interested",
  callback: "Call back",
};

export const CONVERSION_TYPE_LABELS: Record<TConversionType, string> = {
  order_placed: "Order placed",
  manual_mark: "Marked by hand",
  registration: "Registration",
};

/** Sortable columns of the leads list: each one is backed by an index on sales_leads. */
export const LEAD_SORTS = ["created", "value", "follow_up", "last_contact"] as const;
export type TLeadSort = (typeof LEAD_SORTS)[number];
export const LEAD_PAGE_SIZES = [10, 25, 50, 100] as const;

/**
 * Lists count exactly up to this many rows (a scan bounded at one more); past it a count is
 * either "1,000+" or the planner's estimate ("about 52,000"), so a list over a million leads
 * never counts them all per request. lib/leads/count-leads.ts and the call list apply it.
 */
export const EXACT_COUNT_LIMIT = 1_000;

/** A list's count as the screens show it: exact, at least EXACT_COUNT_LIMIT, or an estimate. */
export type TListCount = { n: number; kind: "exact" | "atLeast" | "about" };

/** From a count bounded at EXACT_COUNT_LIMIT + 1: exact below the bound, "1,000+" at it. */
export function cappedCount(n: number): TListCount {
  return n > EXACT_COUNT_LIMIT ? { n: EXACT_COUNT_LIMIT, kind: "atLeast" } : { n, kind: "exact" };
}

export function countLabel(c: TListCount): string {
  const n = c.n.toLocaleString("en-US");
  return c.kind === "atLeast" ? `${n}+` : c.kind === "about" ? `about ${n}` : n;
}

/** The sum of counts: "at least" or "about" as soon as one part is. */
export function addCounts(counts: TListCount[]): TListCount {
  const n = counts.reduce((s, c) => s + c.n, 0);
  const kind = counts.some((c) => c.kind === "about")
    ? "about"
    : counts.some((c) => c.kind === "atLeast")
      ? "atLeast"
      : "exact";
  return { n, kind };
}
