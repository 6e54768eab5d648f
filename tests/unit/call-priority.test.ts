import {
  CALL_BUCKETS,
  isHeldBack,
  orderCallList,
  placeCallLead,
  type TCallCandidate,
} from "@/lib/calls/call-priority";

// Noon in Chicago on Wednesday Nov 18 2026; the company day began at 06:00 UTC.
const now = new Date("2026-11-18T18:00:00Z");
const ctx = {
  now,
  dayStart: new Date("2026-11-18T06:00:00Z"),
  dayEnd: new Date("2026-11-19T06:00:00Z"),
  staleDays: 7,
};
const H = 3_600_000;
const D = 24 * H;
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
let nextId = 1;
const lead = (p: Partial<TCallCandidate>): TCallCandidate => ({
  id: nextId++,
  nextFollowUpAt: null,
  lastContactAt: null,
  lastCallOutcome: null,
  assignedAt: at(-10 * D),
  createdAt: at(-10 * D),
  ...p,
});

describe("call list priority", () => {
  it("puts each lead in the first bucket it matches", () => {
    expect(
      placeCallLead(
        lead({ nextFollowUpAt: at(-13 * H), lastContactAt: at(-2 * D), lastCallOutcome: "interested" }),
        ctx,
      )?.bucket,
    ).toBe("overdue");
    expect(placeCallLead(lead({ nextFollowUpAt: at(-11 * H), lastContactAt: at(-2 * D) }), ctx)?.bucket).toBe(
      "due_today",
    );
    expect(placeCallLead(lead({ nextFollowUpAt: at(11 * H) }), ctx)?.bucket).toBe("due_today");
    expect(placeCallLead(lead({ nextFollowUpAt: at(13 * H) }), ctx)?.bucket).toBe("new");
    expect(placeCallLead(lead({ lastContactAt: at(-D), lastCallOutcome: "interested" }), ctx)?.bucket).toBe(
      "interested",
    );
    expect(placeCallLead(lead({ lastContactAt: at(-D), lastCallOutcome: "callback" }), ctx)?.bucket).toBe(
      "callback",
    );
    expect(
      placeCallLead(lead({ lastContactAt: at(-8 * D), lastCallOutcome: "voicemail" }), ctx)?.bucket,
    ).toBe("stale");
    expect(placeCallLead(lead({ lastContactAt: at(-8 * D), lastCallOutcome: "callback" }), ctx)?.bucket).toBe(
      "callback",
    );
  });

  it("leaves off leads whose next call is booked for a later day or that are merely recent", () => {
    expect(
      placeCallLead(
        lead({ lastContactAt: at(-D), lastCallOutcome: "interested", nextFollowUpAt: at(2 * D) }),
        ctx,
      ),
    ).toBeNull();
    expect(placeCallLead(lead({ lastContactAt: at(-2 * D), lastCallOutcome: "no_answer" }), ctx)).toBeNull();
    expect(
      placeCallLead(
        lead({ lastContactAt: at(-30 * D), lastCallOutcome: "voicemail", nextFollowUpAt: at(2 * D) }),
        ctx,
      ),
    ).toBeNull();
  });

  it("holds back a lead called within the hour unless a follow-up is due", () => {
    expect(isHeldBack(lead({ lastContactAt: at(-30 * 60_000), lastCallOutcome: "interested" }), ctx)).toBe(
      true,
    );
    expect(isHeldBack(lead({ lastContactAt: at(-30 * 60_000), nextFollowUpAt: at(2 * H) }), ctx)).toBe(true);
    expect(isHeldBack(lead({ lastContactAt: at(-30 * 60_000), nextFollowUpAt: at(-60_000) }), ctx)).toBe(
      false,
    );
    expect(isHeldBack(lead({ lastContactAt: at(-61 * 60_000), lastCallOutcome: "interested" }), ctx)).toBe(
      false,
    );
    expect(isHeldBack(lead({}), ctx)).toBe(false);
  });

  it("orders buckets as documented and within them oldest-due, newest-claim, longest-wait first", () => {
    const l = {
      overdueOld: lead({ nextFollowUpAt: at(-3 * D) }),
      overdueNew: lead({ nextFollowUpAt: at(-1 * D) }),
      dueLater: lead({ nextFollowUpAt: at(3 * H), lastContactAt: at(-3 * D) }),
      dueEarlier: lead({ nextFollowUpAt: at(-5 * H), lastContactAt: at(-3 * D) }),
      newOld: lead({ assignedAt: at(-5 * H) }),
      newFresh: lead({ assignedAt: at(-1 * H) }),
      interestedRecent: lead({ lastContactAt: at(-1 * D), lastCallOutcome: "interested" }),
      interestedLong: lead({ lastContactAt: at(-4 * D), lastCallOutcome: "interested" }),
      callback: lead({ lastContactAt: at(-2 * D), lastCallOutcome: "callback" }),
      stale: lead({ lastContactAt: at(-9 * D), lastCallOutcome: "no_answer" }),
      held: lead({ lastContactAt: at(-30 * 60_000), lastCallOutcome: "callback" }),
    };
    const ordered = orderCallList(Object.values(l).reverse(), ctx).map((x) => x.id);
    const expected = [
      "overdueOld",
      "overdueNew",
      "dueEarlier",
      "dueLater",
      "newFresh",
      "newOld",
      "interestedLong",
      "interestedRecent",
      "callback",
      "stale",
    ];
    expect(ordered).toEqual(expected.map((k) => l[k as keyof typeof l].id));
    expect(CALL_BUCKETS.map((b) => b.key)).toEqual([
      "overdue",
      "due_today",
      "new",
      "interested",
      "callback",
      "stale",
    ]);
  });
});
