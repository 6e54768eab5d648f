// The rules that make two companies *possible* duplicates, strongest first, and their words.
// Identity (company_identity_match(), migration company_merge) merges webhook events automatically
// on external id, USDOT, MC and email; phone and name + state only ever suggest (see
// docs/architecture.md, "Company identity and merging"). Pure: pages and SQL builders share it.
export const DUPLICATE_RULES = ["usdot", "mc", "email", "phone", "name_state"] as const;
export type TDuplicateRule = (typeof DUPLICATE_RULES)[number];

export const DUPLICATE_RULE_LABELS: Record<TDuplicateRule, string> = {
  usdot: "Same USDOT",
  mc: "Same MC number",
  email: "Same email",
  phone: "Same phone",
  name_state: "Same name and state",
};
