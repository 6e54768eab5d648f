// The lead lifecycle as data (DESIGN §4 and §5): which step may be taken from which status, by
// whom, and where it leads. Every lead domain function asks assertStep(); screens ask
// stepBlockedReason() to decide which buttons to show. A new step (handoff, approval, sequence
// enrolment) is a new row in LEAD_STEP_RULES, not another if in the domain functions.
// The machine's own status writes (auto-assignment on ingest, a delivered email starting the
// work, an order converting the lead) are steps too, taken by the `system` role (SYSTEM_ACTOR).
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
  // Steps only the system takes: rules for writes no person makes.
  "auto_assign",
  "email_delivered",
  "order_convert",
  "auto_return",
  "snooze",
  "text",
  "text_delivered",
  "import",
  "enrol",
  // Issue #21, handoffs and the manager's approvals (lib/requests/): a request is made, then
  // approved, accepted, declined or withdrawn. The lead's open request (TRuleLead.request) says
  // who asked and who receives; the request's own stage is its row's state (lib/requests/).
  "handoff_propose",
  "handoff_approve",
  "handoff_accept",
  "lose_request",
  "lose_approve",
  "reopen_request",
  "reopen_approve",
  "request_decline",
  "request_withdraw",
] as const;
export type TLeadStep = (typeof LEAD_STEPS)[number];

/**
 * any: on every lead; own: only on a lead assigned to the actor; cover: own, or a lead whose
 * holder is away and the actor covers for them (lib/away/); none: not at all. On a lead's
 * open request: requester: only who asked; receiver: only who is to receive it; approver: anyone
 * but who asked (nobody approves their own request).
 */
export type TStepScope = "any" | "own" | "cover" | "none" | "requester" | "receiver" | "approver";
const REQUEST_SCOPES: readonly TStepScope[] = ["requester", "receiver", "approver"];

/**
 * Company switches that put a step behind the manager's approval (settings in
 * lib/kernel/company-settings.ts, read per lead by leadGates() in lib/requests/request-gates.ts):
 * loseApproval: losing this lead needs approval (its value is over the setting's amount);
 * reopenApproval: a rep may ask to reopen a lost lead.
 */
export const STEP_GATES = ["loseApproval", "reopenApproval"] as const;
export type TStepGate = (typeof STEP_GATES)[number];

/** Who takes steps: the two human roles, and the system (jobs, webhooks, delivery callbacks). */
export type TRuleRole = TRole | "system";
/** The acting party of a step: a signed-in person, or SYSTEM_ACTOR. */
export type TRuleActor = Pick<TActor, "id" | "name"> & { role: TRuleRole };
/** The system as an actor: holds no lead (id 0 matches no user), may take only the system steps. */
export const SYSTEM_ACTOR: TRuleActor = Object.freeze({ id: 0, role: "system", name: "System" });
export const RULE_ROLES = ["admin", "super_admin", "system"] as const satisfies readonly TRuleRole[];

/**
 * What a rule needs to know about the lead; holderName lets a refusal say who holds it. request:
 * the lead's open request, if any (steps scoped requester / receiver / approver need it); gates:
 * which approval switches apply to this lead (absent: none, the defaults). coverIds: the users
 * covering for the holder right now (lib/away/away-sql.ts, coverIdsSql), read by lockLead(): only
 * `cover` cells look at them.
 */
export type TRuleLead = {
  status: TLeadStatus;
  assignedAdminId: number | null;
  holderName?: string | null;
  request?: { requesterId: number; receiverId: number | null } | null;
  gates?: Partial<Record<TStepGate, boolean>>;
  coverIds?: readonly number[];
};

type TWho = Record<TRuleRole, TStepScope>;
type TCell = { who: TWho; to: TLeadStatus };
/**
 * A step some roles take only while a company switch is on (`open: true`) or off (`open: false`)
 * for this lead; otherwise 409 with `refusal` (it names the way that is open instead).
 */
type TGate = { gate: TStepGate; roles: readonly TRuleRole[]; open: boolean; refusal: string };
type TStepRule = {
  /** The rep's words for doing the step, completing "Claim this lead before …". */
  doing: string;
  /** From each status the step may start in: who may take it and the status it leads to. */
  from: Partial<Record<TLeadStatus, TCell>>;
  /** The refusal for a role that may never take the step. */
  roleRefusal?: string;
  /** Refusals for statuses the step cannot start from, where the general wording does not fit. */
  statusRefusal?: Partial<Record<TLeadStatus, (actor: TRuleActor, lead: TRuleLead) => string>>;
  /** Refusals for a request-scoped cell the actor does not fit (not the requester …). */
  scopeRefusal?: Partial<Record<"requester" | "receiver" | "approver", string>>;
  gate?: TGate;
};

// People's steps: the system takes none of them (it acts through its own steps below).
const ANYONE: TWho = { admin: "any", super_admin: "any", system: "none" };
const HOLDER_OR_MANAGER: TWho = { admin: "own", super_admin: "any", system: "none" };
// The call-list work a cover does for an away rep (issue 21): call, log the call, move the
// follow-up. Releasing, converting or losing the lead stays with its holder (or a handoff).
const HOLDER_COVER_OR_MANAGER: TWho = { admin: "cover", super_admin: "any", system: "none" };
const MANAGER: TWho = { admin: "none", super_admin: "any", system: "none" };
const SYSTEM: TWho = { admin: "none", super_admin: "none", system: "any" };
const MANAGER_OR_SYSTEM: TWho = { admin: "none", super_admin: "any", system: "any" };
// Requests (issue #21). A rep asks for what a manager decides; the manager never asks themself.
const REP_OWN: TWho = { admin: "own", super_admin: "none", system: "none" };
const APPROVER: TWho = { admin: "none", super_admin: "approver", system: "none" };
const RECEIVER: TWho = { admin: "receiver", super_admin: "none", system: "none" };
const RECEIVER_OR_MANAGER: TWho = { admin: "receiver", super_admin: "any", system: "none" };
const REQUESTER: TWho = { admin: "requester", super_admin: "requester", system: "none" };
const OPEN_KEEPS = (who: TWho) => ({ assigned: { who, to: "assigned" }, in_progress: { who, to: "in_progress" } }) as const;
const EVERY_STATUS_KEEPS = (who: TWho) =>
  Object.fromEntries(LEAD_STATUSES.map((s) => [s, { who, to: s }])) as Record<TLeadStatus, TCell>;
const noHandoff = (_: TRuleActor, lead: TRuleLead) => `A ${lead.status} lead cannot be handed off.`;
const NOT_OWN_APPROVAL = "You cannot approve your own request.";
const MANAGER_DECIDES = "Only a manager can approve requests.";
const SYSTEM_ONLY = "Only the system takes this step.";
const onlyLost = () => "Only a lost lead can be reopened.";
const ONLY_LOST = { pending: onlyLost, assigned: onlyLost, in_progress: onlyLost, converted: onlyLost };
const hasRep = () => "This lead already has a rep.";

const closedClaim = (_: TRuleActor, lead: TRuleLead) =>
  `This lead is ${lead.status}; only pending leads can be claimed.`;
const heldClaim = (actor: TRuleActor, lead: TRuleLead) =>
  lead.assignedAdminId === actor.id
    ? "You already have this lead."
    : `${lead.holderName ?? "Someone else"} claimed this lead first.`;
const noCallReason = (_: TRuleActor, lead: TRuleLead) =>
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
      assigned: { who: HOLDER_COVER_OR_MANAGER, to: "in_progress" },
      in_progress: { who: HOLDER_COVER_OR_MANAGER, to: "in_progress" },
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
    // Over the company's amount a rep asks instead (lose_request); see STEP_GATES.
    gate: { gate: "loseApproval", roles: ["admin"], open: false, refusal: "Marking this lead lost needs a manager's approval: ask for it." },
  },
  reopen: {
    doing: "reopening it",
    from: { lost: { who: MANAGER, to: "pending" } },
    roleRefusal: "Only a manager can reopen a lead.",
    statusRefusal: ONLY_LOST,
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
  // Texting a lead from the CRM (lib/sms/send-lead-text.ts): as emailing.
  text: {
    doing: "texting it",
    from: {
      assigned: { who: HOLDER_OR_MANAGER, to: "in_progress" },
      in_progress: { who: HOLDER_OR_MANAGER, to: "in_progress" },
    },
  },
  call_lock: {
    doing: "calling it",
    from: {
      pending: { who: ANYONE, to: "pending" },
      assigned: { who: HOLDER_COVER_OR_MANAGER, to: "assigned" },
      in_progress: { who: HOLDER_COVER_OR_MANAGER, to: "in_progress" },
    },
    statusRefusal: { converted: noCallReason, lost: noCallReason },
  },
  // Ingestion hands a new pool lead to the next rep in turn (lib/territories/auto-assign-lead.ts).
  auto_assign: {
    doing: "assigning it automatically",
    from: { pending: { who: SYSTEM, to: "assigned" } },
    roleRefusal: SYSTEM_ONLY,
    statusRefusal: { assigned: hasRep, in_progress: hasRep },
  },
  // SendGrid accepted an email a rep sent: like any sales action it starts the work. A lead
  // released, closed or reopened while the email waited keeps its status (the step refuses).
  email_delivered: {
    doing: "emailing it",
    from: {
      assigned: { who: SYSTEM, to: "in_progress" },
      in_progress: { who: SYSTEM, to: "in_progress" },
    },
    roleRefusal: SYSTEM_ONLY,
  },
  // Twilio accepted (or the outbox kept) a text a rep sent: as email_delivered.
  text_delivered: {
    doing: "texting it",
    from: {
      assigned: { who: SYSTEM, to: "in_progress" },
      in_progress: { who: SYSTEM, to: "in_progress" },
    },
    roleRefusal: SYSTEM_ONLY,
  },
  // An order or registration webhook converts the company's open lead, whoever holds it. The
  // ingest SQL function ingest_lead_events() takes this step inside its statement;
  // tests/integration/lead-rules-sql.test.ts holds the two to the same statuses.
  order_convert: {
    doing: "converting it",
    from: {
      pending: { who: SYSTEM, to: "converted" },
      assigned: { who: SYSTEM, to: "converted" },
      in_progress: { who: SYSTEM, to: "converted" },
    },
    roleRefusal: SYSTEM_ONLY,
  },
  // The SLA timer's step (lib/sla/return-idle-leads.ts): a lead claimed but never worked goes back
  // to the pool after the company's auto-return hours. Only from `assigned` (the first action moves
  // a lead on), taken by SYSTEM_ACTOR; a person releases with `release` instead.
  auto_return: {
    doing: "returning it to the pool",
    from: { assigned: { who: SYSTEM, to: "pending" } },
    roleRefusal: SYSTEM_ONLY,
    statusRefusal: {
      pending: () => "This lead is already in the pool.",
      in_progress: () => "This lead has been worked; it stays with its rep.",
    },
  },
  // A CSV import (lib/import/write-import-batch.ts) hands a new lead to the rep its row names as
  // owner (or the rep the manager picked): the manager's step, taken by the import job on their
  // behalf. A lead without an owner stays in the pool and takes no step.
  import: {
    doing: "importing it",
    from: { pending: { who: MANAGER_OR_SYSTEM, to: "assigned" } },
    roleRefusal: "Only a manager can import leads.",
    statusRefusal: { assigned: hasRep, in_progress: hasRep },
  },
  // Moving a planned follow-up later (lib/leads/snooze-follow-up.ts); the status stays.
  snooze: {
    doing: "snoozing its follow-up",
    from: {
      assigned: { who: HOLDER_COVER_OR_MANAGER, to: "assigned" },
      in_progress: { who: HOLDER_COVER_OR_MANAGER, to: "in_progress" },
    },
  },
  // Enrolling a lead in a sequence (lib/sequences/enrol-leads.ts): the sequence sends as the lead's
  // holder, so only a held, open lead, by its holder or the manager; the status stays. Leaving
  // these statuses (closing, a release, a reassignment) stops the enrolment (stopLeadEnrolments).
  enrol: {
    doing: "enrolling it in a sequence",
    from: {
      assigned: { who: HOLDER_OR_MANAGER, to: "assigned" },
      in_progress: { who: HOLDER_OR_MANAGER, to: "in_progress" },
    },
  },
  // Issue #21 (lib/requests/). The holder (or the manager) proposes handing an open lead to a
  // named rep; the lead keeps its status, history and follow-ups when it changes hands.
  handoff_propose: {
    doing: "handing it off",
    from: OPEN_KEEPS(HOLDER_OR_MANAGER),
    statusRefusal: { converted: noHandoff, lost: noHandoff },
  },
  // The manager approves a proposal (then the receiver accepts, where the setting asks for it).
  handoff_approve: {
    doing: "approving its handoff",
    from: OPEN_KEEPS(APPROVER),
    roleRefusal: MANAGER_DECIDES,
    scopeRefusal: { approver: NOT_OWN_APPROVAL },
    statusRefusal: { converted: noHandoff, lost: noHandoff },
  },
  handoff_accept: {
    doing: "accepting its handoff",
    from: OPEN_KEEPS(RECEIVER),
    roleRefusal: "Only the rep it is offered to can accept a handoff.",
    scopeRefusal: { receiver: "This handoff is offered to someone else." },
    statusRefusal: { converted: noHandoff, lost: noHandoff },
  },
  // Marking lost is `lose` itself while the lead's value is under the company's amount; over it a
  // rep asks (lose_request) and a manager approves (lose_approve), which closes the lead.
  lose_request: {
    doing: "asking to mark it lost",
    from: OPEN_KEEPS(REP_OWN),
    roleRefusal: "A manager marks a lead lost directly.",
    gate: { gate: "loseApproval", roles: ["admin"], open: true, refusal: "This lead can be marked lost without approval." },
  },
  lose_approve: {
    doing: "approving its loss",
    from: {
      assigned: { who: APPROVER, to: "lost" },
      in_progress: { who: APPROVER, to: "lost" },
    },
    roleRefusal: MANAGER_DECIDES,
    scopeRefusal: { approver: NOT_OWN_APPROVAL },
  },
  // With the reopen-approval setting on, the rep who held a lost lead may ask to reopen it; the
  // approval is the manager's reopen (to the pool, as `reopen` does), then — when the rep who asked
  // may hold it (lib/requests/read-reopen-holder.ts) — the manager's `assign` to them.
  reopen_request: {
    doing: "asking to reopen it",
    from: { lost: { who: REP_OWN, to: "lost" } },
    roleRefusal: "A manager reopens a lead directly.",
    statusRefusal: ONLY_LOST,
    gate: { gate: "reopenApproval", roles: ["admin"], open: true, refusal: "Only a manager can reopen a lead." },
  },
  reopen_approve: {
    doing: "approving its reopening",
    from: { lost: { who: APPROVER, to: "pending" } },
    roleRefusal: MANAGER_DECIDES,
    scopeRefusal: { approver: NOT_OWN_APPROVAL },
  },
  // Any open request, whatever became of the lead meanwhile (so no request is ever stuck open):
  // the manager declines it, or the receiver declines a handoff offered to them.
  request_decline: {
    doing: "declining its request",
    from: EVERY_STATUS_KEEPS(RECEIVER_OR_MANAGER),
    roleRefusal: "Only a manager or the receiver can decline a request.",
    scopeRefusal: { receiver: "Only a manager or the receiver can decline this request." },
  },
  // Whoever asked takes their request back.
  request_withdraw: {
    doing: "withdrawing its request",
    from: EVERY_STATUS_KEEPS(REQUESTER),
    scopeRefusal: { requester: "Only the person who asked can withdraw a request." },
  },
};

/** The actor's scope for a step on a lead in this status (the table's cell). */
export function stepScope(role: TRuleRole, step: TLeadStep, status: TLeadStatus): TStepScope {
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
export function roleMayTake(role: TRuleRole, step: TLeadStep): boolean {
  return LEAD_STATUSES.some((s) => stepScope(role, step, s) !== "none");
}

/**
 * The away holder the actor works this lead for, when a `cover` cell lets them in only as the
 * holder's cover (not their own lead): the sales action records it ("covering for …"), the lead
 * page says so. Null otherwise.
 */
export function coveredHolderId(actor: Pick<TRuleActor, "id">, lead: TRuleLead): number | null {
  const holder = lead.assignedAdminId;
  return holder !== null && holder !== actor.id && !!lead.coverIds?.includes(actor.id) ? holder : null;
}

function fitsScope(actor: TRuleActor, scope: TStepScope, lead: TRuleLead): boolean {
  const request = lead.request;
  switch (scope) {
    case "any":
      return true;
    case "own":
      return lead.assignedAdminId === actor.id;
    case "cover":
      return lead.assignedAdminId === actor.id || coveredHolderId(actor, lead) !== null;
    case "requester":
      return !!request && request.requesterId === actor.id;
    case "receiver":
      return !!request && request.receiverId === actor.id;
    case "approver":
      return !!request && request.requesterId !== actor.id;
    default:
      return false;
  }
}

function heldByOther(actor: TRuleActor, lead: TRuleLead): boolean {
  return lead.assignedAdminId !== null && lead.assignedAdminId !== actor.id;
}

function statusRefusal(actor: TRuleActor, step: TLeadStep, lead: TRuleLead): string {
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
export function stepRefusal(actor: TRuleActor, step: TLeadStep, lead: TRuleLead | null): AppError | null {
  if (!lead) return new AppError("NOT_FOUND", "Lead not found");
  const scope = stepScope(actor.role, step, lead.status);
  const rule = LEAD_STEP_RULES[step];
  if (fitsScope(actor, scope, lead)) {
    // A company switch may close the step for this role on this lead (and open another way).
    const gate = rule.gate;
    if (gate && gate.roles.includes(actor.role) && (lead.gates?.[gate.gate] ?? false) !== gate.open)
      return new AppError("CONFLICT", gate.refusal);
    return null;
  }
  if (!roleMayTake(actor.role, step))
    return new AppError("FORBIDDEN", rule.roleRefusal ?? "Only a manager can do that.");
  if (REQUEST_SCOPES.includes(scope)) {
    if (!lead.request) return new AppError("CONFLICT", "This lead has no open request.");
    return new AppError("FORBIDDEN", rule.scopeRefusal?.[scope as "requester"] ?? "That request is not yours to decide.");
  }
  const ownScoped = LEAD_STATUSES.some((s) => ["own", "cover"].includes(stepScope(actor.role, step, s)));
  if (ownScoped && heldByOther(actor, lead))
    return new AppError("FORBIDDEN", "This lead is assigned to someone else.");
  return new AppError("CONFLICT", statusRefusal(actor, step, lead));
}

/** Throws the refusal (404 missing lead, 403 not theirs, 409 wrong status); returns the target status. */
export function assertStep(actor: TRuleActor, step: TLeadStep, lead: TRuleLead | null): TLeadStatus {
  const refusal = stepRefusal(actor, step, lead);
  if (refusal) throw refusal;
  return stepTarget(step, lead!.status)!;
}

/** The rep-facing reason a button is hidden or disabled, or null when the step is open to them. */
export function stepBlockedReason(actor: TRuleActor, step: TLeadStep, lead: TRuleLead): string | null {
  return stepRefusal(actor, step, lead)?.message ?? null;
}

/**
 * For the system's own writes that must not fail the work around them (a delivered email, a
 * webhook): the status the step leads to, or null when the table refuses it, so the lead keeps
 * its status and nothing else changes.
 */
export function systemStepTarget(step: TLeadStep, lead: TRuleLead): TLeadStatus | null {
  return stepRefusal(SYSTEM_ACTOR, step, lead) ? null : stepTarget(step, lead.status);
}
