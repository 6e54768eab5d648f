// The rules that find a company again, strongest first, and their words. Pure: pages, SQL
// builders and client components share it.
//
// Identity (company_identity_match_rule(), migration company_rules_and_merged_names) merges
// webhook events automatically on external id, USDOT, MC and email, and reports which of these
// words found the company. Phone and name + state only ever suggest (see docs/architecture.md,
// "Company identity and merging").
export const IDENTITY_RULES = ["external_id", "usdot", "mc", "email"] as const;
export type TIdentityRule = (typeof IDENTITY_RULES)[number];

/** What makes two companies *possible* duplicates (the duplicates list, a company page). */
export const DUPLICATE_RULES = ["usdot", "mc", "email", "phone", "name_state"] as const;
export type TDuplicateRule = (typeof DUPLICATE_RULES)[number];

export const COMPANY_RULE_LABELS: Record<TIdentityRule | TDuplicateRule, string> = {
  external_id: "Same external id",
  usdot: "Same USDOT",
  mc: "Same MC number",
  email: "Same email",
  phone: "Same phone",
  name_state: "Same name and state",
};
