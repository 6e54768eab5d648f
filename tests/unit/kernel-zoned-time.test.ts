import {
  followUpPick,
  followUpShortcut,
  followUpShortcutDay,
  followUpShortcutDays,
  zonedDateAfter,
  zonedDay,
  zonedDayStart,
  zonedDayBounds,
  zonedDaysLater,
  zonedTimeToUtc,
  zonedWeekStart,
  zonedClock,
  zonedHour,
} from "@/lib/kernel/zoned-time";
import { isValidTimeZone } from "@/lib/kernel/time-zone-schema";

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

  it("books 9:00 company time on the far side of a daylight-saving change", () => {
    // Saturday Mar 7 2026 noon CST; Sunday Mar 8 is the 23-hour day, 9:00 is then CDT (UTC-5).
    const sat = new Date("2026-03-07T18:00:00Z");
    expect(zonedDaysLater(sat, 1, 9, TZ).toISOString()).toBe("2026-03-08T14:00:00.000Z");
    expect(zonedDaysLater(sat, 7, 9, TZ).toISOString()).toBe("2026-03-14T14:00:00.000Z");
    // Saturday Oct 31 2026 noon CDT; Sunday Nov 1 9:00 is CST (UTC-6).
    const fallSat = new Date("2026-10-31T17:00:00Z");
    expect(zonedDaysLater(fallSat, 1, 9, TZ).toISOString()).toBe("2026-11-01T15:00:00.000Z");
    // Berlin changes on another date (Mar 29 2026): the zone, not a fixed offset, decides.
    expect(zonedDaysLater(new Date("2026-03-28T11:00:00Z"), 1, 9, "Europe/Berlin").toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });

  it("starts weeks and days at local midnight across the change", () => {
    // Tuesday Mar 10 2026: its Monday (Mar 9) began at 00:00 CDT.
    expect(zonedWeekStart(new Date("2026-03-10T18:00:00Z"), TZ).toISOString()).toBe("2026-03-09T05:00:00.000Z");
    // Sunday Mar 8 2026 (after the change): its Monday (Mar 2) began at 00:00 CST.
    expect(zonedWeekStart(new Date("2026-03-08T18:00:00Z"), TZ).toISOString()).toBe("2026-03-02T06:00:00.000Z");
    expect(zonedDayStart("2026-03-08", TZ).toISOString()).toBe("2026-03-08T06:00:00.000Z");
    expect(zonedDayStart("2026-03-09", TZ).toISOString()).toBe("2026-03-09T05:00:00.000Z");
    // 02:30 does not exist on Mar 8 in Chicago: it is read as 03:30 CDT.
    expect(zonedTimeToUtc(2026, 3, 8, 2, 30, TZ).toISOString()).toBe("2026-03-08T08:30:00.000Z");
  });

  it("counts calendar days in the company zone, late in the evening and across the change", () => {
    // 23:30 CDT on Sunday Mar 8 is already Mar 9 in UTC.
    const late = new Date("2026-03-09T04:30:00Z");
    expect(zonedDay(late, TZ)).toBe("2026-03-08");
    expect(zonedDay(late, "UTC")).toBe("2026-03-09");
    expect(zonedDateAfter(late, 1, TZ)).toBe("2026-03-09");
    expect(zonedDateAfter(late, -8, TZ)).toBe("2026-02-28");
    expect(zonedDateAfter(new Date("2026-10-31T17:00:00Z"), 1, TZ)).toBe("2026-11-01");
  });

  it("gives each follow-up shortcut its company day, time and instant", () => {
    const late = new Date("2026-03-09T04:30:00Z"); // Sunday Mar 8, 23:30 CDT
    const at = (iso: string) => new Date(iso);
    expect(followUpShortcutDays(late, TZ)).toEqual([
      { key: "1h", label: "In 1 hour", day: "2026-03-09", time: "00:30", at: at("2026-03-09T05:30:00Z") },
      { key: "tomorrow9", label: "Tomorrow 9:00", day: "2026-03-09", time: "09:00", at: at("2026-03-09T14:00:00Z") },
      { key: "tomorrow", label: "Tomorrow", day: "2026-03-09", time: null, at: at("2026-03-09T14:00:00Z") },
      { key: "3d", label: "In 3 days", day: "2026-03-11", time: null, at: at("2026-03-11T14:00:00Z") },
      { key: "1w", label: "Next week", day: "2026-03-15", time: null, at: at("2026-03-15T14:00:00Z") },
      { key: "monday", label: "Next Monday", day: "2026-03-09", time: null, at: at("2026-03-09T14:00:00Z") },
    ]);
    // The same instant is already Monday in Tokyo: the zone passed in decides, not the runtime's.
    expect(followUpShortcutDay("tomorrow", late, "Asia/Tokyo")).toBe("2026-03-10");
  });

  it("computes the timed shortcuts across the spring change", () => {
    // 01:30 CST on Sunday Mar 8 2026; an hour later the clocks read 03:30 CDT (02:xx never happens).
    const night = new Date("2026-03-08T07:30:00Z");
    expect(followUpShortcut("1h", night, TZ)).toEqual({ day: "2026-03-08", time: "03:30", at: new Date("2026-03-08T08:30:00Z") });
    // Saturday Mar 7 noon CST: "Tomorrow 9:00" is 9:00 CDT, 23 hours of clock later but 9:00 on the wall.
    expect(followUpShortcut("tomorrow9", new Date("2026-03-07T18:00:00Z"), TZ).at.toISOString()).toBe("2026-03-08T14:00:00.000Z");
    // Seconds are dropped: a time field holds minutes.
    expect(followUpShortcut("1h", new Date("2026-06-01T15:04:59.900Z"), TZ).at.toISOString()).toBe("2026-06-01T16:04:00.000Z");
  });

  it("computes the shortcuts across the autumn change", () => {
    // 00:30 CDT on Sunday Nov 1 2026: an hour later is 01:30 CDT, and an hour after that 01:30 CST again.
    const first = followUpShortcut("1h", new Date("2026-11-01T05:30:00Z"), TZ);
    expect(first).toEqual({ day: "2026-11-01", time: "01:30", at: new Date("2026-11-01T06:30:00Z") });
    expect(followUpShortcut("1h", first.at, TZ)).toEqual({ day: "2026-11-01", time: "01:30", at: new Date("2026-11-01T07:30:00Z") });
    // Saturday Oct 31 noon CDT: "Next Monday" is Nov 2, a day (stored at 9:00 CST); "Tomorrow 9:00" is 9:00 CST.
    const sat = new Date("2026-10-31T17:00:00Z");
    expect(followUpShortcut("monday", sat, TZ)).toEqual({ day: "2026-11-02", time: null, at: new Date("2026-11-02T15:00:00Z") });
    expect(followUpShortcut("tomorrow9", sat, TZ).at.toISOString()).toBe("2026-11-01T15:00:00.000Z");
  });

  it("finds next Monday from every weekday, a week ahead on a Monday", () => {
    // Mon Nov 16 … Sun Nov 22 2026, noon in Chicago.
    const days = [16, 17, 18, 19, 20, 21, 22].map((d) => followUpShortcut("monday", new Date(`2026-11-${d}T18:00:00Z`), TZ).day);
    expect(days).toEqual(["2026-11-23", "2026-11-23", "2026-11-23", "2026-11-23", "2026-11-23", "2026-11-23", "2026-11-23"]);
    // Sunday 23:30 in Chicago is Monday in UTC: still the Monday after the company's Sunday.
    expect(followUpShortcut("monday", new Date("2026-11-23T05:30:00Z"), TZ).day).toBe("2026-11-23");
  });

  it("reads a day and a wall-clock time as an instant in the zone", () => {
    expect(followUpPick("2026-03-08", "09:30", TZ).at.toISOString()).toBe("2026-03-08T14:30:00.000Z");
    expect(followUpPick("2026-03-07", "09:30", TZ).at.toISOString()).toBe("2026-03-07T15:30:00.000Z");
    expect(followUpPick("2026-03-08", null, TZ)).toEqual({ day: "2026-03-08", time: null, at: new Date("2026-03-08T14:00:00Z") });
    expect(zonedClock("2026-11-01T07:30:00Z", TZ)).toBe("01:30");
    expect(zonedHour(new Date("2026-11-01T07:30:00Z"), TZ)).toBe(1);
  });
});
