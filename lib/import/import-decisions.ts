// What the manager decides for import rows that meet a company we have, one decision per rule
// that found the company. Pure: the import wizard, the preview and the job share it; the rules'
// words and labels are lib/companies/duplicate-rules.ts.
import { z } from "zod";
import { IDENTITY_RULES, type TIdentityRule } from "@/lib/companies/duplicate-rules";

/**
 * The suggestions a row without an identity match is checked for, in this order: a company of
 * the same name in the same state, else one with the same phone. Name + state comes first so that
 * a row meeting both is held back by default, as a same-name row always was; a shared phone alone
 * is common (dispatch services, factoring companies), so it creates by default.
 */
export const IMPORT_SUGGESTION_RULES = ["name_state", "phone"] as const;
export type TImportSuggestionRule = (typeof IMPORT_SUGGESTION_RULES)[number];

/** Every rule a row may meet a company by: the identity rules (strongest first), then the suggestions. */
export const IMPORT_RULES = [...IDENTITY_RULES, ...IMPORT_SUGGESTION_RULES] as const;
export type TImportRule = TIdentityRule | TImportSuggestionRule;

export const isSuggestionRule = (rule: TImportRule): rule is TImportSuggestionRule =>
  (IMPORT_SUGGESTION_RULES as readonly string[]).includes(rule);

// `fill_empty` writes only what the company lacks, `overwrite` every value the row has (an empty
// cell never erases one), `skip` leaves the company alone; a suggestion may also be `create`d as
// a company of its own.
const ZMatched = z.enum(["fill_empty", "overwrite", "skip"]);
const ZSuggested = z.enum(["create", "fill_empty", "overwrite", "skip"]);
export type TImportDecision = z.output<typeof ZSuggested>;

export const IMPORT_DECISION_LABELS: Record<TImportDecision, string> = {
  fill_empty: "Update empty fields only",
  overwrite: "Overwrite with the file's values",
  skip: "Skip the row",
  create: "Create a new company",
};
/** The choices each rule offers, in the order the page lists them (the default first). */
export const IMPORT_DECISION_CHOICES: Record<TImportRule, readonly TImportDecision[]> = {
  external_id: ZMatched.options,
  usdot: ZMatched.options,
  mc: ZMatched.options,
  email: ZMatched.options,
  name_state: ["skip", "create", "fill_empty", "overwrite"],
  phone: ["create", "skip", "fill_empty", "overwrite"],
};

export const ZImportDecisions = z.object({
  external_id: ZMatched.default("fill_empty"),
  usdot: ZMatched.default("fill_empty"),
  mc: ZMatched.default("fill_empty"),
  email: ZMatched.default("fill_empty"),
  name_state: ZSuggested.default("skip"),
  phone: ZSuggested.default("create"),
}) satisfies z.ZodType<Record<TImportRule, TImportDecision>>;
export type TImportDecisions = z.output<typeof ZImportDecisions>;

export const DEFAULT_IMPORT_DECISIONS: TImportDecisions = ZImportDecisions.parse({});

/**
 * A run's stored decisions. Runs started before decisions were per rule stored one for every
 * identity match (`matched`) and one for same-name suggestions (`possibleDuplicate`); such a run
 * resumed after the upgrade keeps what its manager chose (phones were not checked then: create).
 */
export function storedImportDecisions(stored: unknown): TImportDecisions {
  const s = (stored ?? {}) as Record<string, unknown>;
  if (!("matched" in s) && !("possibleDuplicate" in s)) return ZImportDecisions.parse(s);
  const matched = s.matched ?? DEFAULT_IMPORT_DECISIONS.usdot;
  return ZImportDecisions.parse({
    ...Object.fromEntries(IDENTITY_RULES.map((r) => [r, matched])),
    name_state: s.possibleDuplicate ?? DEFAULT_IMPORT_DECISIONS.name_state,
    phone: "create",
  });
}
