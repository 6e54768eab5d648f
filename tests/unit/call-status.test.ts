import { CALL_STATUSES, callStatusLabel, callStatusOf, callStatusWhere } from "@/lib/calls/call-status";
import { describeCallReason } from "@/lib/calls/describe-call-reason";

describe("call status", () => {
  it("names the latest call's outcome as the second seed does, 'answered' as Contacted", () => {
    expect(callStatusLabel(null)).toBe("Not Called");
    expect(callStatusLabel("interested")).toBe("Interested");
    expect(callStatusLabel("not_interested")).toBe("Not Interested");
    expect(callStatusLabel("callback")).toBe("Callback");
    expect(callStatusLabel("voicemail")).toBe("Voicemail");
    expect(callStatusLabel("no_answer")).toBe("No Answer");
    expect(callStatusLabel("answered")).toBe("Contacted");
    expect(callStatusOf(undefined)).toBe("not_called");
  });

  it("turns a status into a filter on last_call_outcome", () => {
    expect(callStatusWhere("not_called")).toEqual({ lastCallOutcome: null });
    expect(callStatusWhere("contacted")).toEqual({ lastCallOutcome: "answered" });
    expect(new Set(CALL_STATUSES.map((s) => s.outcome)).size).toBe(CALL_STATUSES.length);
  });
});

describe("why a lead is on the call list", () => {
  const now = new Date("2026-11-18T18:00:00Z");
  const base = {
    nextFollowUpAt: null,
    lastContactAt: null,
    assignedAt: null,
    createdAt: "2026-11-18T15:00:00Z",
  };
  it("says it in the company's time zone", () => {
    expect(
      describeCallReason(
        { ...base, bucket: "due_today", nextFollowUpAt: "2026-11-18T20:30:00Z" },
        now,
        "America/Chicago",
      ),
    ).toBe("Follow-up due today at 2:30 PM");
    expect(
      describeCallReason(
        { ...base, bucket: "overdue", nextFollowUpAt: "2026-11-16T15:00:00Z" },
        now,
        "America/Chicago",
      ),
    ).toBe("Follow-up overdue since Mon, Nov 16");
    expect(describeCallReason({ ...base, bucket: "new" }, now, "America/Chicago")).toBe(
      "New lead, never called — claimed 3 h ago",
    );
    expect(
      describeCallReason(
        { ...base, bucket: "stale", lastContactAt: "2026-11-06T18:00:00Z" },
        now,
        "America/Chicago",
      ),
    ).toBe("No contact for 12 days");
  });

  it("adds the lead's haul: escorts and where, police escort, superload", () => {
    const haul = { escorts: 2, states: "TX+OK", police: true, superload: true };
    expect(describeCallReason({ ...base, bucket: "new", haul }, now, "America/Chicago")).toBe(
      "New lead, never called — claimed 3 h ago · haul: 2 escorts in TX+OK, police escort, superload",
    );
    const small = { escorts: 0, states: null, police: false, superload: false };
    expect(describeCallReason({ ...base, bucket: "new", haul: small }, now, "America/Chicago")).toBe(
      "New lead, never called — claimed 3 h ago",
    );
  });
});
