// How a lead's lead_data grows as events join it (documented in the README):
// - the top level is the merged `data` of its events, latest wins per key, so the lead page reads
//   `route`, `load`, `total_cost`… exactly as for a one-event lead (and as the seed stores them);
// - `history` lists the events in arrival order, each `{type, occurred_at, webhook_id, data}`,
//   the newest HISTORY_LIMIT kept (every event's full payload stays in lead_activities).
export const HISTORY_LIMIT = 25;

export type TLeadHistoryEntry = { type: string; occurred_at: string; webhook_id: string | null; data: Record<string, unknown> };

export function mergeLeadData(
  current: Record<string, unknown> | null | undefined,
  entry: TLeadHistoryEntry,
): Record<string, unknown> {
  const { history: previous, ...latest } = current ?? {};
  const history = Array.isArray(previous) ? (previous as TLeadHistoryEntry[]) : [];
  return { ...latest, ...entry.data, history: [...history, entry].slice(-HISTORY_LIMIT) };
}
