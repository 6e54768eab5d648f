// The `cover` cells of the lead rules (issue 21): a rep covering for an away holder may call, log
// and snooze the holder's open leads, nothing else; without a running cover nothing changes.
import { coveredHolderId, stepRefusal, type TLeadStep, type TRuleLead } from "@/lib/leads/lead-rules";
import type { TActor } from "@/lib/auth/permissions";

const cover: TActor = { id: 7, role: "admin", name: "Sarah", email: "s@x" };
const lead = (over: Partial<TRuleLead> = {}): TRuleLead => ({ status: "in_progress", assignedAdminId: 3, coverIds: [7], ...over });
const answer = (step: TLeadStep, l: TRuleLead) => stepRefusal(cover, step, l)?.status ?? "ok";

it("lets the cover call, log and snooze the away holder's open leads", () => {
  for (const step of ["action", "call_lock", "snooze"] as const) {
    expect(answer(step, lead())).toBe("ok");
    expect(answer(step, lead({ status: "assigned" }))).toBe("ok");
  }
});

it("keeps releasing, converting, losing and emailing with the holder", () => {
  for (const step of ["release", "convert", "lose", "email"] as const) expect(answer(step, lead())).toBe(403);
});

it("refuses the same steps without a running cover, or on a closed or pool lead", () => {
  expect(answer("action", lead({ coverIds: [] }))).toBe(403);
  expect(answer("action", lead({ coverIds: undefined }))).toBe(403);
  expect(answer("action", lead({ coverIds: [8] }))).toBe(403);
  // A closed lead is no cover's: still someone else's (403, as for any rep).
  expect(answer("action", lead({ status: "converted" }))).toBe(403);
  expect(answer("snooze", lead({ status: "pending", assignedAdminId: null }))).toBe(409);
});

it("names the away holder only when the actor works the lead as their cover", () => {
  expect(coveredHolderId(cover, lead())).toBe(3);
  expect(coveredHolderId(cover, lead({ coverIds: [] }))).toBeNull();
  // Their own lead (even while covering someone else) is not cover work.
  expect(coveredHolderId(cover, lead({ assignedAdminId: 7 }))).toBeNull();
  expect(coveredHolderId(cover, lead({ status: "pending", assignedAdminId: null }))).toBeNull();
});
