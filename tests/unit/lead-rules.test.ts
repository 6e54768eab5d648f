import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import {
  assertStep,
  LEAD_STEPS,
  roleMayTake,
  RULE_ROLES,
  stepBlockedReason,
  stepRefusal,
  SYSTEM_ACTOR,
  systemStepTarget,
  type TLeadStep,
  type TRuleActor,
  type TRuleLead,
  type TRuleRole,
} from "@/lib/leads/lead-rules";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";

const ACTORS = {
  admin: { id: 1, role: "admin", name: "Rep", email: "rep@x" },
  super_admin: { id: 9, role: "super_admin", name: "Boss", email: "boss@x" },
  system: SYSTEM_ACTOR,
} satisfies Record<TRuleRole, TRuleActor> & Record<"admin" | "super_admin", TActor>;
const OTHER_ID = 2;

// Every lead a step can meet: a pool lead nobody holds, and each held status held by the actor
// ("own") or by someone else ("other").
const SITUATIONS = {
  pending: { status: "pending", holder: "none" },
  "assigned/own": { status: "assigned", holder: "own" },
  "assigned/other": { status: "assigned", holder: "other" },
  "in_progress/own": { status: "in_progress", holder: "own" },
  "in_progress/other": { status: "in_progress", holder: "other" },
  "converted/own": { status: "converted", holder: "own" },
  "converted/other": { status: "converted", holder: "other" },
  "lost/own": { status: "lost", holder: "own" },
  "lost/other": { status: "lost", holder: "other" },
} as const satisfies Record<string, { status: TLeadStatus; holder: "none" | "own" | "other" }>;
type TSituation = keyof typeof SITUATIONS;

// Expected outcome per cell, written out by hand from DESIGN §4/§5 (not computed from the table):
// a status means "allowed, the lead goes there"; 403 / 409 the refusal's HTTP status.
type TOutcome = TLeadStatus | 403 | 409;
type TRow = Record<TSituation, [rep: TOutcome, manager: TOutcome, system: TOutcome]>;
type TPeopleRow = Record<TSituation, [rep: TOutcome, manager: TOutcome]>;
type TSystemRow = Record<TSituation, TOutcome>;

// A person's step: the system never takes it (403 in every cell).
const PEOPLE = (row: TPeopleRow): TRow =>
  Object.fromEntries(Object.entries(row).map(([k, [rep, boss]]) => [k, [rep, boss, 403]])) as TRow;
// The system's own step: no person takes it (403 for rep and manager in every cell).
const SYSTEM = (row: TSystemRow): TRow =>
  Object.fromEntries(Object.entries(row).map(([k, sys]) => [k, [403, 403, sys]])) as TRow;

const ALL = (cell: [TOutcome, TOutcome]): TPeopleRow =>
  Object.fromEntries(Object.keys(SITUATIONS).map((k) => [k, cell])) as TPeopleRow;

const WORK = (to: TLeadStatus, managerOnPending: TOutcome): TRow =>
  PEOPLE({
    pending: [409, managerOnPending],
    "assigned/own": [to, to],
    "assigned/other": [403, to],
    "in_progress/own": [to, to],
    "in_progress/other": [403, to],
    "converted/own": [409, 409],
    "converted/other": [403, 409],
    "lost/own": [409, 409],
    "lost/other": [403, 409],
  });

// A step the holder (or the manager) takes without moving the status; not on a pool lead.
const HOLDER_KEEPS_STATUS: TRow = PEOPLE({
  pending: [409, 409],
  "assigned/own": ["assigned", "assigned"],
  "assigned/other": [403, "assigned"],
  "in_progress/own": ["in_progress", "in_progress"],
  "in_progress/other": [403, "in_progress"],
  "converted/own": [409, 409],
  "converted/other": [403, 409],
  "lost/own": [409, 409],
  "lost/other": [403, 409],
});

const EXPECTED: Record<TLeadStep, TRow> = {
  claim: PEOPLE({
    pending: ["assigned", "assigned"],
    "assigned/own": [409, 409],
    "assigned/other": [409, 409],
    "in_progress/own": [409, 409],
    "in_progress/other": [409, 409],
    "converted/own": [409, 409],
    "converted/other": [409, 409],
    "lost/own": [409, 409],
    "lost/other": [409, 409],
  }),
  assign: PEOPLE({
    pending: [403, "assigned"],
    "assigned/own": [403, "assigned"],
    "assigned/other": [403, "assigned"],
    "in_progress/own": [403, "assigned"],
    "in_progress/other": [403, "assigned"],
    "converted/own": [403, 409],
    "converted/other": [403, 409],
    "lost/own": [403, 409],
    "lost/other": [403, 409],
  }),
  release: WORK("pending", 409),
  action: WORK("in_progress", 409),
  convert: WORK("converted", "converted"),
  lose: WORK("lost", "lost"),
  reopen: PEOPLE({
    pending: [403, 409],
    "assigned/own": [403, 409],
    "assigned/other": [403, 409],
    "in_progress/own": [403, 409],
    "in_progress/other": [403, 409],
    "converted/own": [403, 409],
    "converted/other": [403, 409],
    "lost/own": [403, "pending"],
    "lost/other": [403, "pending"],
  }),
  email: WORK("in_progress", 409),
  text: WORK("in_progress", 409),
  call_lock: PEOPLE({
    pending: ["pending", "pending"],
    "assigned/own": ["assigned", "assigned"],
    "assigned/other": [403, "assigned"],
    "in_progress/own": ["in_progress", "in_progress"],
    "in_progress/other": [403, "in_progress"],
    "converted/own": [409, 409],
    "converted/other": [403, 409],
    "lost/own": [409, 409],
    "lost/other": [403, 409],
  }),
  auto_assign: SYSTEM({
    pending: "assigned",
    "assigned/own": 409,
    "assigned/other": 409,
    "in_progress/own": 409,
    "in_progress/other": 409,
    "converted/own": 409,
    "converted/other": 409,
    "lost/own": 409,
    "lost/other": 409,
  }),
  email_delivered: SYSTEM({
    pending: 409,
    "assigned/own": "in_progress",
    "assigned/other": "in_progress",
    "in_progress/own": "in_progress",
    "in_progress/other": "in_progress",
    "converted/own": 409,
    "converted/other": 409,
    "lost/own": 409,
    "lost/other": 409,
  }),
  text_delivered: SYSTEM({
    pending: 409,
    "assigned/own": "in_progress",
    "assigned/other": "in_progress",
    "in_progress/own": "in_progress",
    "in_progress/other": "in_progress",
    "converted/own": 409,
    "converted/other": 409,
    "lost/own": 409,
    "lost/other": 409,
  }),
  order_convert: SYSTEM({
    pending: "converted",
    "assigned/own": "converted",
    "assigned/other": "converted",
    "in_progress/own": "converted",
    "in_progress/other": "converted",
    "converted/own": 409,
    "converted/other": 409,
    "lost/own": 409,
    "lost/other": 409,
  }),
  // The timer's step: only an untouched claimed lead, only by the system.
  auto_return: SYSTEM({
    pending: 409,
    "assigned/own": "pending",
    "assigned/other": "pending",
    "in_progress/own": 409,
    "in_progress/other": 409,
    "converted/own": 409,
    "converted/other": 409,
    "lost/own": 409,
    "lost/other": 409,
  }),
  // The import's step: a new lead handed to its owner, by the manager or the job on their behalf.
  import: {
    pending: [403, "assigned", "assigned"],
    "assigned/own": [403, 409, 409],
    "assigned/other": [403, 409, 409],
    "in_progress/own": [403, 409, 409],
    "in_progress/other": [403, 409, 409],
    "converted/own": [403, 409, 409],
    "converted/other": [403, 409, 409],
    "lost/own": [403, 409, 409],
    "lost/other": [403, 409, 409],
  },
  // Snooze keeps the status: the holder (or the manager) moves the follow-up later.
  snooze: HOLDER_KEEPS_STATUS,
  // Enrolment in a sequence: the holder (or the manager), a held open lead, status unchanged.
  enrol: HOLDER_KEEPS_STATUS,
  // Issue #21. Here no lead has an open request and no approval switch is on (the defaults); the
  // cells with requests and switches are the tables further down.
  handoff_propose: HOLDER_KEEPS_STATUS,
  handoff_approve: PEOPLE(ALL([403, 409])),
  handoff_accept: PEOPLE(ALL([409, 403])),
  // With the loss switch off a rep marks lost directly: asking is refused (409).
  lose_request: PEOPLE({
    pending: [409, 403],
    "assigned/own": [409, 403],
    "assigned/other": [403, 403],
    "in_progress/own": [409, 403],
    "in_progress/other": [403, 403],
    "converted/own": [409, 403],
    "converted/other": [403, 403],
    "lost/own": [409, 403],
    "lost/other": [403, 403],
  }),
  lose_approve: PEOPLE(ALL([403, 409])),
  reopen_request: PEOPLE({
    pending: [409, 403],
    "assigned/own": [409, 403],
    "assigned/other": [403, 403],
    "in_progress/own": [409, 403],
    "in_progress/other": [403, 403],
    "converted/own": [409, 403],
    "converted/other": [403, 403],
    "lost/own": [409, 403],
    "lost/other": [403, 403],
  }),
  reopen_approve: PEOPLE(ALL([403, 409])),
  // The manager may decline whatever is open (the function then finds no request: 409 there).
  request_decline: PEOPLE({
    pending: [409, "pending"],
    "assigned/own": [409, "assigned"],
    "assigned/other": [409, "assigned"],
    "in_progress/own": [409, "in_progress"],
    "in_progress/other": [409, "in_progress"],
    "converted/own": [409, "converted"],
    "converted/other": [409, "converted"],
    "lost/own": [409, "lost"],
    "lost/other": [409, "lost"],
  }),
  request_withdraw: PEOPLE(ALL([409, 409])),
};

function leadFor(actor: TRuleActor, situation: TSituation): TRuleLead {
  const { status, holder } = SITUATIONS[situation];
  const assignedAdminId = holder === "none" ? null : holder === "own" ? actor.id : OTHER_ID;
  return { status, assignedAdminId, holderName: holder === "other" ? "Olive Other" : actor.name };
}

const CELLS = LEAD_STEPS.flatMap((step) =>
  (Object.keys(SITUATIONS) as TSituation[]).flatMap((situation) =>
    RULE_ROLES.map((role, i) => ({
      step,
      situation,
      role,
      expected: EXPECTED[step][situation][i],
    })),
  ),
);

describe("lead lifecycle table (lib/leads/lead-rules.ts)", () => {
  it("has an expectation for every step", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...LEAD_STEPS].sort());
    expect(CELLS).toHaveLength(LEAD_STEPS.length * Object.keys(SITUATIONS).length * 3);
  });

  it.each(CELLS)("$step on a $situation lead by $role → $expected", ({ step, situation, role, expected }) => {
    const actor: TRuleActor = ACTORS[role];
    const lead = leadFor(actor, situation);
    if (typeof expected === "string") {
      expect(assertStep(actor, step, lead)).toBe(expected);
      expect(stepBlockedReason(actor, step, lead)).toBeNull();
      if (role === "system") expect(systemStepTarget(step, lead)).toBe(expected);
    } else {
      if (role === "system") expect(systemStepTarget(step, lead)).toBeNull();
      const refusal = stepRefusal(actor, step, lead);
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal!.status).toBe(expected);
      expect(() => assertStep(actor, step, lead)).toThrow(refusal!.message);
      expect(stepBlockedReason(actor, step, lead)).toBe(refusal!.message);
    }
  });

  it("answers 404 for a lead that is not there, whatever the step", () => {
    for (const step of LEAD_STEPS) {
      expect(stepRefusal(ACTORS.admin, step, null)).toMatchObject({ code: "NOT_FOUND", status: 404 });
    }
  });

  it("says why in the rep's words", () => {
    const rep = ACTORS.admin;
    const boss = ACTORS.super_admin;
    const why = (actor: TActor, step: TLeadStep, situation: TSituation) =>
      stepBlockedReason(actor, step, leadFor(actor, situation));
    expect(why(rep, "claim", "assigned/own")).toBe("You already have this lead.");
    expect(why(rep, "claim", "in_progress/other")).toBe("Olive Other claimed this lead first.");
    expect(why(rep, "claim", "lost/own")).toBe("This lead is lost; only pending leads can be claimed.");
    expect(why(rep, "assign", "assigned/own")).toBe("Only a manager can assign leads to others.");
    expect(why(rep, "reopen", "lost/own")).toBe("Only a manager can reopen a lead.");
    expect(why(boss, "reopen", "converted/own")).toBe("Only a lost lead can be reopened.");
    expect(why(rep, "release", "pending")).toBe("This lead is not assigned to anyone.");
    expect(why(rep, "action", "pending")).toBe("Claim this lead before working it.");
    expect(why(boss, "email", "pending")).toBe("Claim or assign this lead before emailing it.");
    expect(why(rep, "convert", "in_progress/other")).toBe("This lead is assigned to someone else.");
    expect(why(rep, "lose", "converted/own")).toBe("This lead is already converted.");
    expect(why(boss, "action", "lost/other")).toBe("This lead is lost; a manager can reopen it.");
    expect(why(rep, "call_lock", "converted/own")).toBe(
      "This lead is converted; there is nothing to call about",
    );
  });

  it("tells screens whether a role may take a step at all", () => {
    expect(roleMayTake("admin", "assign")).toBe(false);
    expect(roleMayTake("super_admin", "assign")).toBe(true);
    expect(roleMayTake("admin", "reopen")).toBe(false);
    expect(roleMayTake("admin", "claim")).toBe(true);
    expect(roleMayTake("system", "claim")).toBe(false);
    expect(roleMayTake("super_admin", "auto_assign")).toBe(false);
    expect(roleMayTake("system", "order_convert")).toBe(true);
  });

  it("refuses people the system's steps in plain words", () => {
    expect(stepBlockedReason(ACTORS.super_admin, "order_convert", leadFor(ACTORS.super_admin, "pending"))).toBe(
      "Only the system takes this step.",
    );
    expect(stepBlockedReason(SYSTEM_ACTOR, "auto_assign", leadFor(SYSTEM_ACTOR, "assigned/other"))).toBe(
      "This lead already has a rep.",
    );
    expect(roleMayTake("admin", "auto_return")).toBe(false);
  });
});

// Leads with an open request (issue #21): the actor asked for it, it is offered to the actor, or it
// is between two others; a lost lead's request (a reopen) asked by the actor or by another rep.
const REQUEST_SITUATIONS = {
  "asked by me": { status: "in_progress", holder: "own", requester: "me", receiver: "third" },
  "offered to me": { status: "in_progress", holder: "other", requester: "other", receiver: "me" },
  "between others": { status: "in_progress", holder: "other", requester: "other", receiver: "third" },
  "lost, asked by me": { status: "lost", holder: "own", requester: "me", receiver: "none" },
  "lost, asked by another": { status: "lost", holder: "other", requester: "other", receiver: "none" },
} as const;
type TRequestSituation = keyof typeof REQUEST_SITUATIONS;
const THIRD_ID = 3;
const REQUEST_STEPS = ["handoff_approve", "handoff_accept", "lose_approve", "reopen_approve", "request_decline", "request_withdraw"] as const;

const EXPECTED_WITH_REQUEST: Record<(typeof REQUEST_STEPS)[number], Record<TRequestSituation, [rep: TOutcome, manager: TOutcome]>> = {
  // Nobody approves their own request; a rep approves nothing.
  handoff_approve: {
    "asked by me": [403, 403],
    "offered to me": [403, "in_progress"],
    "between others": [403, "in_progress"],
    "lost, asked by me": [403, 409],
    "lost, asked by another": [403, 409],
  },
  handoff_accept: {
    "asked by me": [403, 403],
    "offered to me": ["in_progress", 403],
    "between others": [403, 403],
    "lost, asked by me": [409, 403],
    "lost, asked by another": [409, 403],
  },
  lose_approve: {
    "asked by me": [403, 403],
    "offered to me": [403, "lost"],
    "between others": [403, "lost"],
    "lost, asked by me": [403, 409],
    "lost, asked by another": [403, 409],
  },
  reopen_approve: {
    "asked by me": [403, 409],
    "offered to me": [403, 409],
    "between others": [403, 409],
    "lost, asked by me": [403, 403],
    "lost, asked by another": [403, "pending"],
  },
  request_decline: {
    "asked by me": [403, "in_progress"],
    "offered to me": ["in_progress", "in_progress"],
    "between others": [403, "in_progress"],
    "lost, asked by me": [403, "lost"],
    "lost, asked by another": [403, "lost"],
  },
  request_withdraw: {
    "asked by me": ["in_progress", "in_progress"],
    "offered to me": [403, 403],
    "between others": [403, 403],
    "lost, asked by me": ["lost", "lost"],
    "lost, asked by another": [403, 403],
  },
};

function leadWithRequest(actor: TRuleActor, situation: TRequestSituation): TRuleLead {
  const s = REQUEST_SITUATIONS[situation];
  const id = (who: "me" | "other" | "third" | "none") =>
    who === "me" ? actor.id : who === "other" ? OTHER_ID : who === "third" ? THIRD_ID : null;
  return {
    status: s.status,
    assignedAdminId: s.holder === "own" ? actor.id : OTHER_ID,
    request: { requesterId: id(s.requester)!, receiverId: id(s.receiver) },
  };
}

const REQUEST_CELLS = REQUEST_STEPS.flatMap((step) =>
  (Object.keys(REQUEST_SITUATIONS) as TRequestSituation[]).flatMap((situation) =>
    (["admin", "super_admin"] as const).map((role, i) => ({ step, situation, role, expected: EXPECTED_WITH_REQUEST[step][situation][i] })),
  ),
);

describe("lead requests in the lifecycle table (issue #21)", () => {
  it.each(REQUEST_CELLS)("$step on a lead whose request is $situation, by $role → $expected", ({ step, situation, role, expected }) => {
    const actor = ACTORS[role];
    const lead = leadWithRequest(actor, situation);
    if (typeof expected === "string") {
      expect(assertStep(actor, step, lead)).toBe(expected);
    } else {
      expect(stepRefusal(actor, step, lead)?.status).toBe(expected);
    }
  });

  it("says why in the rep's words", () => {
    const rep = ACTORS.admin;
    const boss = ACTORS.super_admin;
    expect(stepBlockedReason(rep, "handoff_propose", leadFor(rep, "converted/own"))).toBe("A converted lead cannot be handed off.");
    expect(stepBlockedReason(rep, "handoff_propose", leadFor(rep, "lost/own"))).toBe("A lost lead cannot be handed off.");
    expect(stepBlockedReason(boss, "handoff_approve", leadWithRequest(boss, "asked by me"))).toBe("You cannot approve your own request.");
    expect(stepBlockedReason(rep, "handoff_approve", leadWithRequest(rep, "asked by me"))).toBe("Only a manager can approve requests.");
    expect(stepBlockedReason(rep, "handoff_accept", leadWithRequest(rep, "between others"))).toBe("This handoff is offered to someone else.");
    expect(stepBlockedReason(rep, "request_withdraw", leadWithRequest(rep, "offered to me"))).toBe("Only the person who asked can withdraw a request.");
    expect(stepBlockedReason(boss, "handoff_approve", leadFor(boss, "in_progress/other"))).toBe("This lead has no open request.");
  });

  // The approval switches (company settings) close one way and open the other, for reps only.
  it("gates a rep's loss over the amount and opens the request instead; the manager is never gated", () => {
    const rep = ACTORS.admin;
    const boss = ACTORS.super_admin;
    const gated = (actor: TRuleActor, situation: TSituation, gates: TRuleLead["gates"]) => ({ ...leadFor(actor, situation), gates });
    const on = { loseApproval: true };
    expect(stepRefusal(rep, "lose", gated(rep, "in_progress/own", on))).toMatchObject({
      status: 409,
      message: "Marking this lead lost needs a manager's approval: ask for it.",
    });
    expect(assertStep(rep, "lose_request", gated(rep, "in_progress/own", on))).toBe("in_progress");
    expect(stepRefusal(rep, "lose_request", gated(rep, "in_progress/other", on))?.status).toBe(403);
    expect(assertStep(boss, "lose", gated(boss, "in_progress/other", on))).toBe("lost");
    expect(assertStep(rep, "lose", gated(rep, "in_progress/own", { loseApproval: false }))).toBe("lost");

    const reopenOn = { reopenApproval: true };
    expect(assertStep(rep, "reopen_request", gated(rep, "lost/own", reopenOn))).toBe("lost");
    expect(stepRefusal(rep, "reopen_request", gated(rep, "lost/other", reopenOn))?.status).toBe(403);
    expect(stepRefusal(rep, "reopen_request", gated(rep, "converted/own", reopenOn))?.message).toBe("Only a lost lead can be reopened.");
    expect(stepRefusal(rep, "reopen", gated(rep, "lost/own", reopenOn))?.status).toBe(403);
    expect(assertStep(boss, "reopen", gated(boss, "lost/other", reopenOn))).toBe("pending");
  });
});
