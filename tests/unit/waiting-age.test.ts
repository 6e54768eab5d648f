import { formatWaitingAge, slaStateAt } from "@/lib/sla/waiting-age";

const MIN = 60_000;
const timers = { alertMinutes: 5, escalateMinutes: 15 };

describe("waiting age", () => {
  it("says how long a lead has waited in a rep's words", () => {
    expect(formatWaitingAge(30_000)).toBe("just now");
    expect(formatWaitingAge(4 * MIN + 59_000)).toBe("4 min");
    expect(formatWaitingAge(65 * MIN)).toBe("1 h 05 min");
    expect(formatWaitingAge((2 * 24 + 3) * 60 * MIN)).toBe("2 d 3 h");
    expect(formatWaitingAge(-MIN)).toBe("just now");
  });

  it("shows the later of the recorded state and the one due at this age", () => {
    expect(slaStateAt("ok", 4 * MIN, timers)).toBe("ok");
    expect(slaStateAt("ok", 5 * MIN, timers)).toBe("alerted");
    expect(slaStateAt("alerted", 14 * MIN, timers)).toBe("alerted");
    expect(slaStateAt("ok", 15 * MIN, timers)).toBe("escalated");
    // Recorded under shorter timers than today's: the record stands.
    expect(slaStateAt("escalated", 6 * MIN, timers)).toBe("escalated");
  });
});
