// The twin rule: business_minutes() (SQL, used by the speed-to-lead figures) and
// businessMinutesBetween() (TypeScript, lib/kernel/business-hours.ts) must give one answer, on
// ordinary spans and on the days a clock changes.
import { db } from "@/lib/db";
import { businessMinutesBetween, businessWindow, type TBusinessHours } from "@/lib/kernel/business-hours";

async function sqlMinutes(from: string, to: string, zone: string, hours: TBusinessHours): Promise<number | null> {
  const { startMinute, endMinute } = businessWindow(hours);
  const [{ m }] = await db.$queryRaw<{ m: number | null }[]>`
    SELECT business_minutes(${new Date(from)}::timestamptz, ${new Date(to)}::timestamptz, ${zone}::text, ${hours.days}::int[], ${startMinute}::int, ${endMinute}::int) AS m`;
  return m;
}

const WEEKDAYS: TBusinessHours = { days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" };
const EVERY_DAY_NIGHT: TBusinessHours = { days: [1, 2, 3, 4, 5, 6, 7], start: "00:30", end: "03:30" };
const SUNDAY_EARLY: TBusinessHours = { days: [7], start: "01:00", end: "04:00" };

// [from, to, zone, hours, expected minutes worked out by hand]
const CASES: [string, string, string, TBusinessHours, number][] = [
  // Friday 7:00 CST → Monday 10:00 CST: Friday 8–18 (600) + Monday 8–10 (120).
  ["2026-12-04T13:00:00Z", "2026-12-07T16:00:00Z", "America/Chicago", WEEKDAYS, 720],
  // Inside one window: 9:05 → 9:12 on a Tuesday.
  ["2026-12-08T15:05:00Z", "2026-12-08T15:12:00Z", "America/Chicago", WEEKDAYS, 7],
  // Saturday night to Sunday noon: no working minutes.
  ["2026-12-05T23:00:00Z", "2026-12-06T18:00:00Z", "America/Chicago", WEEKDAYS, 0],
  // Spring forward (Sunday 8 March 2026, 2:00 → 3:00 CDT): the 1:00–4:00 window lasts 2 hours.
  ["2026-03-08T00:00:00Z", "2026-03-08T20:00:00Z", "America/Chicago", SUNDAY_EARLY, 120],
  // Fall back (Sunday 1 November 2026, 2:00 CDT → 1:00 CST): a wall time that happens twice is
  // read as its later (standard-time) instant, as PostgreSQL reads it: 1:00 CST (07:00Z) → 4:00
  // CST (10:00Z), 3 hours.
  ["2026-11-01T00:00:00Z", "2026-11-01T20:00:00Z", "America/Chicago", SUNDAY_EARLY, 180],
  // A span starting inside the repeated hour (1:30 CDT = 06:30Z) to 3:00 CST (09:00Z): 07:00Z–09:00Z.
  ["2026-11-01T06:30:00Z", "2026-11-01T09:00:00Z", "America/Chicago", SUNDAY_EARLY, 120],
  // Spring forward with a window starting at a wall time that does not exist (2:30, Sunday 8 March
  // 2026): PostgreSQL reads it as standard time (2:30 CST = 3:30 CDT = 08:30Z) → 4:00 CDT (09:00Z).
  ["2026-03-08T00:00:00Z", "2026-03-08T20:00:00Z", "America/Chicago", { days: [7], start: "02:30", end: "04:00" }, 30],
  // Every night 0:30–3:30 across the spring change in Europe (29 March 2026, 2:00 CET → 3:00 CEST):
  // 28th 00:00Z–02:30Z (150), 29th 23:30Z–01:30Z (120, the short night), 30th 22:30Z–00:00Z (90).
  ["2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z", "Europe/Berlin", EVERY_DAY_NIGHT, 150 + 120 + 90],
  // Across the weekend of the fall change, weekdays only, New York: Friday 16:00–18:00 EDT, Monday 8:00–10:00 EST.
  ["2026-10-30T20:00:00Z", "2026-11-02T15:00:00Z", "America/New_York", WEEKDAYS, 120 + 120],
  // The end before the start: nothing.
  ["2026-12-08T15:12:00Z", "2026-12-08T15:05:00Z", "America/Chicago", WEEKDAYS, 0],
];

describe("business_minutes() and businessMinutesBetween() agree", () => {
  it.each(CASES)("%s → %s in %s", async (from, to, zone, hours, expected) => {
    const ts = businessMinutesBetween(new Date(from), new Date(to), zone, hours);
    expect(ts).toBe(expected);
    expect(await sqlMinutes(from, to, zone, hours)).toBe(expected);
  });

  it("gives NULL in SQL for a missing end (a lead never claimed), which the aggregates skip", async () => {
    const [{ m }] = await db.$queryRaw<{ m: number | null }[]>`
      SELECT business_minutes(now(), NULL::timestamptz, 'America/Chicago', '{1,2,3,4,5}'::int[], 480, 1080) AS m`;
    expect(m).toBeNull();
  });
});
