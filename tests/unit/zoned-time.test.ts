import {
  isValidTimeZone,
  zonedDayBounds,
  zonedDaysLater,
  zonedTimeToUtc,
  zonedWeekStart,
} from "@/lib/calls/zoned-time";

const TZ = "America/Chicago";

describe("company time", () => {
  it("finds the Chicago day around an instant, not the server's or UTC's", () => {
    // 23:30 in Chicago on Nov 18 is already Nov 19 in UTC.
    const late = new Date("2026-11-19T05:30:00Z");
    const { start, end } = zonedDayBounds(late, TZ);
    expect(start.toISOString()).toBe("2026-11-18T06:00:00.000Z");
    expect(end.toISOString()).toBe("2026-11-19T06:00:00.000Z");
  });

  it("handles the 23- and 25-hour days of daylight saving", () => {
    const spring = zonedDayBounds(new Date("2026-03-08T18:00:00Z"), TZ);
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const fall = zonedDayBounds(new Date("2026-11-01T18:00:00Z"), TZ);
    expect((fall.end.getTime() - fall.start.getTime()) / 3_600_000).toBe(25);
    expect(zonedTimeToUtc(2026, 7, 1, 9, 0, TZ).toISOString()).toBe("2026-07-01T14:00:00.000Z");
    expect(zonedTimeToUtc(2026, 1, 15, 9, 0, TZ).toISOString()).toBe("2026-01-15T15:00:00.000Z");
  });

  it("starts the week on Monday and books follow-ups at 9:00 company time", () => {
    // Wednesday Nov 18 2026, noon in Chicago.
    const wed = new Date("2026-11-18T18:00:00Z");
    expect(zonedWeekStart(wed, TZ).toISOString()).toBe("2026-11-16T06:00:00.000Z");
    expect(zonedWeekStart(new Date("2026-11-16T06:00:00Z"), TZ).toISOString()).toBe(
      "2026-11-16T06:00:00.000Z",
    );
    expect(zonedWeekStart(new Date("2026-11-16T05:59:00Z"), TZ).toISOString()).toBe(
      "2026-11-09T06:00:00.000Z",
    );
    expect(zonedDaysLater(wed, 1, 9, TZ).toISOString()).toBe("2026-11-19T15:00:00.000Z");
    expect(zonedDaysLater(wed, 7, 9, TZ).toISOString()).toBe("2026-11-25T15:00:00.000Z");
  });

  it("validates time zone names", () => {
    expect(isValidTimeZone("America/Denver")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
