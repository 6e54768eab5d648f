// The lead lifecycle as data (DESIGN §4 and §5): which step may be taken from which status, by
// whom, and where it leads. Every lead domain function asks assertStep(); screens ask
// stepBlockedReason() to decide which buttons to show. A new step (handoff, approval, sequence
// enrolment) is a new row in LEAD_STEP_RULES, not another if in the domain functions.
// Plain data and functions (no database), so client components may import it too.
import type { TActor, TRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { LEAD_STATUSES, STATUS_LABELS, type TLeadStatus } from "@/lib/leads/lead-vocabulary";

export const OPEN_STATUSES = ["assigned", "in_progress"] as const satisfies readonly TLeadStatus[];
export const CLOSED_STATUSES = ["converted", "lost"] as const satisfies readonly TLeadStatus[];

export function isClosedStatus(status: TLeadStatus): boolean {
  return (CLOSED_STATUSES as readonly TLeadStatus[]).includes(status);
}

export const LEAD_STEPS = [
  "claim",
  "assign",
  "release",
  "action",
  "convert",
  "lose",
  "reopen",
  "email",
  "call_lock",
  "snooze",
] as const;
export type TLeadStep = (typeof LEAD_STEPS)[number];

/** any: on every lead; own: only on a lead assigned to the actor; none: not at all. */
export type TStepScope = "any" | "own" | "none";

/** What a rule needs to know about the lead; holderName lets a refusal say who holds it. */
export type TRuleLead = { status: TLeadStatus; assignedAdminId: number | null; holderName?: string | null };

type TWho = Record<TRole, TStepScope>;
type TCell = { who: TWho; to: TLeadStatus };
type TStepRule = {
  /** The rep's words for doing the step, completing "Claim this lead before …". */
  doing: string;
  /** From each status the step may start in: who may take it and the status it leads to. */
  from: Partial<Record<TLeadStatus, TCell>>;
  /** The refusal for a role that may never take the step. */
  roleRefusal?: string;
  /** Refusals for statuses the step cannot start from, where the general wording does not fit. */
  statusRefusal?: Partial<Record<TLeadStatus, (actor: TActor, lead: TRuleLead) => string>>;
};

const ANYONE: TWho = { admin: "any", super_admin: "any" };
const HOLDER_OR_MANAGER: TWho = { admin: "own", super_admin: "any" };
const MANAGER: TWho = { admin: "none", super_admin: "any" };

const closedClaim = (_: TActor, lead: TRuleLead) =>
  `This lead is ${lead.status}; only pending leads can be claimed.`;
const heldClaim = (actor: TActor, lead: TRuleLead) =>
  lead.assignedAdminId === actor.id
    ? "You already have this lead."
    : `${lead.holderName ?? "Someone else"} claimed this lead first.`;
const noCallReason = (_: TActor, lead: TRuleLead) =>
  `This lead is ${lead.status}; there is nothing to call about`;

export const LEAD_STEP_RULES: Record<TLeadStep, TStepRule> = {
  // First come, first served; claim-lead.ts makes it one conditional update.
  claim: {
    doing: "claiming it",
    from: { pending: { who: ANYONE, to: "assigned" } },
    statusRefusal: { assigned: heldClaim, in_progress: heldClaim, converted: closedClaim, lost: closedClaim },
  },
  // Assigning a held lead is a reassignment: the new holder starts again at `assigned`.
  assign: {
    doing: "assigning it",
    from: {
      pending: { who: MANAGER, to: "assigned" },
      assigned: { who: MANAGER, to: "assigned" },
      in_progress: { who: MANAGER, to: "assigned" },
    },
    roleRefusal: "Only a manager can assign leads to others.",
  },
  release: {
    doing: "releasing it",
    from: {
      assigned: { who: HOLDER_OR_MANAGER, to: "pending" },
      in_progress: { who: HOLDER_OR_MANAGER, to: "pending" },
    },
    statusRefusal: { pending: () => "This lead is not assigned to anyone." },
  },
  // The first sales action moves `assigned` on; later ones leave the status as it is.
  action: {
    doing: "working it",
    from: {
      assigned: { who: HOLDER_OR_MANAGER, to: "in_progress" },
      in_progress: { who: HOLDER_OR_MANAGER, to: "in_progress" },
    },
  },
  // The manager may convert a lead nobody holds; they hold it from then on.
  convert: {
    doing: "working it",
    from: {
      pending: { who: MANAGER, to: "converted" },
      assigned: { who: HOLDER_OR_MANAGER, to: "converted" },
      in_progress: { who: HOLDER_OR_MANAGER, to: "converted" },
    },
  },
  lose: {
    doing: "working it",
    from: {
      pending: { who: MANAGER, to: "lost" },
      assigned: { who: HOLDER_OR_MANAGER, to: "lost" },
      in_progress: { who: HOLDER_OR_MANAGER, to: "lost" },
    },
  },
  reopen: {
    doing: "reopening it",
    from: { lost: { who: MANAGER, to: "pending" } },
    roleRefusal: "Only a manager can reopen a lead.",
    statusRefusal: {
      pending: () => "Only a lost lead can be reopened.",
      assigned: () => "Only a lost lead can be reopened.",
      in_progress: () => "Only a lost lead can be reopened.",
      converted: () => "Only a lost lead can be reopened.",
    },
  },
  // An email is a sales action: it moves `assigned` on like any other.
  email: {
    doing: "emailing it",
    from: {
      assigned: { who: HOLDER_OR_MANAGER, to: "in_progress" },
      in_progress: { who: HOLDER_OR_MANAGER, to: "in_progress" },
    },
  },
  // Anyone may call a pool lead before claiming it; a held lead is its holder's (or the manager's).
  call_lock: {
    doing: "calling it",
    from: {
      pending: { who: ANYONE, to: "pending" },
      assigned: { who: HOLDER_OR_MANAGER, to: "assigned" },
      in_progress: { who: HOLDER_OR_MANAGER, to: "in_progress" },
    },
    statusRefusal: { converted: noCallReason, lost: noCallReason },
  },
  // Moving a planned follow-up later (lib/leads/snooze-follow-up.ts); the status stays.
  snooze: {
    doing: "snoozing its follow-up",
    from: {
      assigned: { who: HOLDER_OR_MANAGER, to: "assigned" },
      in_progress: { who: HOLDER_OR_MANAGER, to: "in_progress" },
    },
  },
};

/** The actor's scope for a step on a lead in this status (the table's cell). */
export function stepScope(role: TRole, step: TLeadStep, status: TLeadStatus): TStepScope {
  return LEAD_STEP_RULES[step].from[status]?.who[role] ?? "none";
}

/** The status the step leads to from this one, or null when it cannot start there. */
export function stepTarget(step: TLeadStep, from: TLeadStatus): TLeadStatus | null {
  return LEAD_STEP_RULES[step].from[from]?.to ?? null;
}

/** The statuses a step may start from (for conditional updates such as the claim's). */
export function stepSources(step: TLeadStep): TLeadStatus[] {
  return LEAD_STATUSES.filter((s) => LEAD_STEP_RULES[step].from[s] !== undefined);
}

/** Whether the role may take the step on some lead at all (e.g. whether to show an assign column). */
export function roleMayTake(role: TRole, step: TLeadStep): boolean {
  return LEAD_STATUSES.some((s) => stepScope(role, step, s) !== "none");
}

function heldByOther(actor: TActor, lead: TRuleLead): boolean {
  return lead.assignedAdminId !== null && lead.assignedAdminId !== actor.id;
}

function statusRefusal(actor: TActor, step: TLeadStep, lead: TRuleLead): string {
  const rule = LEAD_STEP_RULES[step];
  const own = rule.statusRefusal?.[lead.status];
  if (own) return own(actor, lead);
  if (lead.status === "converted") return "This lead is already converted.";
  if (lead.status === "lost") return "This lead is lost; a manager can reopen it.";
  if (lead.status === "pending")
    return roleMayTake(actor.role, "assign")
      ? `Claim or assign this lead before ${rule.doing}.`
      : `Claim this lead before ${rule.doing}.`;
  return `This lead is ${STATUS_LABELS[lead.status].toLowerCase()}; that step is not open now.`;
}

/**
 * Why the actor may not take the step on this lead, as the AppError an entry point answers with,
 * or null when they may. Order matters: a role that may never take the step hears so (403);
 * someone else's lead is 403 whatever its status; then the status decides (409).
 */
export function stepRefusal(actor: TActor, step: TLeadStep, lead: TRuleLead | null): AppError | null {
  if (!lead) return new AppError("NOT_FOUND", "Lead not found");
  const scope = stepScope(actor.role, step, lead.status);
  if (scope === "any" || (scope === "own" && lead.assignedAdminId === actor.id)) return null;
  const rule = LEAD_STEP_RULES[step];
  if (!roleMayTake(actor.role, step))
    return new AppError("FORBIDDEN", rule.roleRefusal ?? "Only a manager can do that.");
  const ownScoped = LEAD_STATUSES.some((s) => stepScope(actor.role, step, s) === "own");
  if (ownScoped && heldByOther(actor, lead))
    return new AppError("FORBIDDEN", "This lead is assigned to someone else.");
  return new AppError("CONFLICT", statusRefusal(actor, step, lead));
}

/** Throws the refusal (404 missing lead, 403 not theirs, 409 wrong status); returns the target status. */
export function assertStep(actor: TActor, step: TLeadStep, lead: TRuleLead | null): TLeadStatus {
  const refusal = stepRefusal(actor, step, lead);
  if (refusal) throw refusal;
  return stepTarget(step, lead!.status)!;
}

/** The rep-facing reason a button is hidden or disabled, or null when the step is open to them. */
export function stepBlockedReason(actor: TActor, step: TLeadStep, lead: TRuleLead): string | null {
  return stepRefusal(actor, step, lead)?.message ?? null;
}
