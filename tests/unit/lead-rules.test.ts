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
