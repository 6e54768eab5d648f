// Which of a company's fields a merge lets the manager choose, and what each company keeps
// afterwards. Pure: the merge (lib/companies/merge-companies.ts), its page and the unit tests
// share it.

export const MERGE_FIELDS = ["name", "external_id", "usdot", "mc_number", "email", "phone", "city", "state"] as const;
export type TMergeField = (typeof MERGE_FIELDS)[number];

export const MERGE_FIELD_LABELS: Record<TMergeField, string> = {
  name: "Name",
  external_id: "External id",
  usdot: "USDOT",
  mc_number: "MC number",
  email: "Email",
  phone: "Phone",
  city: "City",
  state: "State",
};

// Identifiers route later webhooks: whichever value the survivor does not keep stays on the
// tombstone, so an event naming either one still reaches the survivor.
const IDENTITY_FIELDS = new Set<TMergeField>(["external_id", "usdot", "mc_number", "email", "phone"]);

export type TMergeSide = "survivor" | "merged";
export type TMergeValues = Record<TMergeField, string | null>;
export type TMergeChoices = Partial<Record<TMergeField, TMergeSide>>;

/**
 * The survivor's values (each field from the side chosen; the survivor's own when no choice was
 * made) and the tombstone's: its own, except that an identifier the survivor took from it is
 * swapped for the survivor's old one.
 */
export function resolveMergeFields(
  survivor: TMergeValues,
  merged: TMergeValues,
  choices: TMergeChoices,
): { survivor: TMergeValues; tombstone: TMergeValues } {
  const kept = { ...survivor };
  const tombstone = { ...merged };
  for (const field of MERGE_FIELDS) {
    if (choices[field] !== "merged") continue;
    kept[field] = merged[field];
    if (IDENTITY_FIELDS.has(field)) tombstone[field] = survivor[field];
  }
  return { survivor: kept, tombstone };
}

/** The default choice per field: the survivor's value, unless it has none and the other has. */
export function defaultMergeChoices(survivor: TMergeValues, merged: TMergeValues): Record<TMergeField, TMergeSide> {
  return Object.fromEntries(
    MERGE_FIELDS.map((f) => [f, survivor[f] === null && merged[f] !== null ? "merged" : "survivor"]),
  ) as Record<TMergeField, TMergeSide>;
}
