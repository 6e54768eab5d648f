/** The filters a leads URL may carry: the page passes exactly these to listLeads, and the filter
 * form folds all but the search box away on a phone. A plain module, so the server page can read it. */
export const LEAD_FILTER_KEYS = [
  "q",
  "status",
  "source",
  "call_status",
  "assigned",
  "state",
  "created_from",
  "created_to",
  "value_min",
  "value_max",
  "haul",
] as const;
