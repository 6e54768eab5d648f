// A lead's standing priority (0–100), stored on the lead so lists can sort by an index.
// Why these weights: an abandoned order is nearly a sale, a quote names a price, a saved load plan
// shows a real job; bigger jobs and repeated activity show stronger intent.
const SOURCE_WEIGHT: Record<string, number> = {
  order_attempt: 45,
  quote: 35,
  load_plan: 25,
  location_share: 20,
  manual: 20,
  import: 10,
};

export function computePriorityScore(lead: { leadSource: string; estimatedValue: number; activityCount: number }): number {
  const source = SOURCE_WEIGHT[lead.leadSource] ?? 10;
  // log scale: $500 → ~13, $5 000 → ~26, $50 000 → ~39 (capped at 40)
  const value = lead.estimatedValue > 0 ? Math.min(40, Math.round(Math.log10(lead.estimatedValue) * 13 - 22)) : 0;
  const activity = Math.min(15, (Math.max(1, lead.activityCount) - 1) * 5);
  return Math.max(0, Math.min(100, source + Math.max(0, value) + activity));
}
