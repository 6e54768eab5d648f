// When a sequence step comes due (lib/sequences/sequence-schedule.ts on lib/kernel/business-hours.ts):
// business days keep the wall-clock time across weekends and both DST changes, business hours
// count only working windows, and a send outside the window waits for the next opening.
import { addBusinessDays, addBusinessHours, nextWindowInstant } from "@/lib/kernel/business-hours";
import { stepDueAt, type TScheduleSettings } from "@/lib/sequences/sequence-schedule";

const ZONE = "America/Chicago";
const WEEKDAYS_8_18 = { days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" };
const WINDOW_8_17 = { days: [1, 2, 3, 4, 5], start: "08:00", end: "17:00" };
const S: TScheduleSettings = { timeZone: ZONE, businessHours: WEEKDAYS_8_18, sequenceSending: WINDOW_8_17 };
const at = (iso: string) => new Date(iso);

describe("addBusinessDays", () => {
  it.each([
    ["Thu 10:00 CDT + 2 → Mon 10:00 CST (weekend and fall back)", "2026-10-29T15:00:00Z", 2, "2026-11-02T16:00:00Z"],
    ["Fri 10:00 CST + 1 → Mon 10:00 CDT (spring forward)", "2027-03-12T16:00:00Z", 1, "2027-03-15T15:00:00Z"],
    ["Mon + 5 → next Mon", "2026-12-07T15:00:00Z", 5, "2026-12-14T15:00:00Z"],
    ["Sat + 1 → Mon", "2026-12-05T15:00:00Z", 1, "2026-12-07T15:00:00Z"],
    ["+ 0 → itself", "2026-12-05T15:00:00Z", 0, "2026-12-05T15:00:00Z"],
  ])("%s", (_label, from, days, expected) => {
    expect(addBusinessDays(at(from), days, ZONE, WEEKDAYS_8_18).toISOString()).toBe(at(expected).toISOString());
  });
});

describe("addBusinessHours", () => {
  it.each([
    ["Fri 16:00 CDT + 4h → Mon 10:00 CST (2 h Friday, 2 h Monday, across fall back)", "2026-10-30T21:00:00Z", 4, "2026-11-02T16:00:00Z"],
    ["Sat noon + 1h → Mon 9:00", "2026-12-05T18:00:00Z", 1, "2026-12-07T15:00:00Z"],
    ["Tue 7:00 + 3h → Tue 11:00 (starts at opening)", "2026-12-08T13:00:00Z", 3, "2026-12-08T17:00:00Z"],
    ["Tue 9:00 + 10h → Wed 9:00", "2026-12-08T15:00:00Z", 10, "2026-12-09T15:00:00Z"],
  ])("%s", (_label, from, hours, expected) => {
    expect(addBusinessHours(at(from), hours, ZONE, WEEKDAYS_8_18).toISOString()).toBe(at(expected).toISOString());
  });
});

describe("nextWindowInstant", () => {
  it.each([
    ["inside: itself", "2026-12-08T16:00:00Z", "2026-12-08T16:00:00Z"],
    ["before opening: 8:00 that day", "2026-12-08T12:00:00Z", "2026-12-08T14:00:00Z"],
    ["after closing on Friday: Monday 8:00", "2026-12-11T23:30:00Z", "2026-12-14T14:00:00Z"],
    ["Saturday: Monday 8:00 CST after a fall back", "2026-10-31T15:00:00Z", "2026-11-02T14:00:00Z"],
  ])("%s", (_label, from, expected) => {
    expect(nextWindowInstant(at(from), ZONE, WINDOW_8_17).toISOString()).toBe(at(expected).toISOString());
  });
});

describe("stepDueAt", () => {
  it("counts the delay in business time, then moves into the sending window", () => {
    // Friday 16:30 + 1 working hour = Friday 17:30 (working hours end at 18:00), outside the 8–17
    // sending window: Monday 8:00. With no delay it goes at once; 2 business days: Tuesday 16:30.
    expect(stepDueAt(at("2026-12-11T22:30:00Z"), { delayAmount: 1, delayUnit: "business_hours" }, S).toISOString()).toBe("2026-12-14T14:00:00.000Z");
    expect(stepDueAt(at("2026-12-11T22:30:00Z"), { delayAmount: 0, delayUnit: "business_days" }, S).toISOString()).toBe("2026-12-11T22:30:00.000Z");
    expect(stepDueAt(at("2026-12-11T22:30:00Z"), { delayAmount: 2, delayUnit: "business_days" }, S).toISOString()).toBe("2026-12-15T22:30:00.000Z");
  });
});
