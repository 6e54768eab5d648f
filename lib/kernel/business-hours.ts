import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { zonedDay, zonedTimeToUtc } from "@/lib/kernel/zoned-time";

// The company's working hours as arithmetic on instants. Pure (no database): the settings form,
// the tests and any screen may use it. The figures compute the same thing in SQL with
// business_minutes() (migration 20261206155449_sla_events_business_minutes); this is its twin and
// its reference, held equal by tests/integration/business-minutes-sql.test.ts.

export type TBusinessHours = {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** "HH:MM", 24-hour, company zone. */
  start: string;
  end: string;
};

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The window of one working day in minutes after local midnight, as the SQL function takes it. */
export function businessWindow(hours: TBusinessHours): { startMinute: number; endMinute: number } {
  return { startMinute: minutesOf(hours.start), endMinute: minutesOf(hours.end) };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar day (YYYY-MM-DD): a property of the date, not of any zone. */
function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/**
 * The instant the wall clock in `zone` reads this time. On a fall-back day a wall time happens
 * twice; PostgreSQL's `AT TIME ZONE` takes the later (standard-time) one, date-fns the earlier:
 * this follows PostgreSQL, so the figures and their reference agree.
 */
function wallInstant(y: number, m: number, d: number, minute: number, zone: string): number {
  const at = zonedTimeToUtc(y, m, d, Math.floor(minute / 60), minute % 60, zone).getTime();
  const wall = (t: number) => format(new Date(t), "yyyy-MM-dd HH:mm", { in: tz(zone) });
  const hourAfter = at + 3_600_000;
  return wall(hourAfter) === wall(at) ? hourAfter : at;
}

/**
 * Elapsed minutes between two instants that fall inside the working hours, day by company day:
 * each working day's window [start, end) in `zone`, clipped to [from, to). 0 when `to` is not
 * after `from`.
 */
export function businessMinutesBetween(from: Date, to: Date, zone: string, hours: TBusinessHours): number {
  if (to.getTime() <= from.getTime()) return 0;
  const { startMinute, endMinute } = businessWindow(hours);
  const last = zonedDay(to, zone);
  let ms = 0;
  for (let day = zonedDay(from, zone); day <= last; day = nextDay(day)) {
    if (!hours.days.includes(isoWeekday(day))) continue;
    const [y, m, d] = day.split("-").map(Number);
    const start = wallInstant(y, m, d, startMinute, zone);
    const end = wallInstant(y, m, d, endMinute, zone);
    ms += Math.max(0, Math.min(to.getTime(), end) - Math.max(from.getTime(), start));
  }
  return ms / 60_000;
}

/**
 * The first instant at or after `at` that lies inside the working hours in `zone`: `at` itself
 * when it is inside, else the start of the next working day's window. Null when the hours have no
 * working day or an empty window (nothing is ever open).
 */
export function nextBusinessInstant(at: Date, zone: string, hours: TBusinessHours): Date | null {
  const { startMinute, endMinute } = businessWindow(hours);
  if (!hours.days.length || endMinute <= startMinute) return null;
  let day = zonedDay(at, zone);
  // Eight days always reach a working day's window (one week and the rest of today).
  for (let i = 0; i < 9; i++, day = nextDay(day)) {
    if (!hours.days.includes(isoWeekday(day))) continue;
    const [y, m, d] = day.split("-").map(Number);
    const start = wallInstant(y, m, d, startMinute, zone);
    const end = wallInstant(y, m, d, endMinute, zone);
    if (at.getTime() < start) return new Date(start);
    if (at.getTime() < end) return at;
  }
  return null;
}

/** The company wall clock of an instant, in minutes after local midnight. */
function wallMinute(at: Date, zone: string): number {
  return minutesOf(format(at, "HH:mm", { in: tz(zone) }));
}

function dayInstant(day: string, minute: number, zone: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return wallInstant(y, m, d, minute, zone);
}

/**
 * `days` working days after `from`, at the same company wall-clock time (a step due Friday 10:00
 * plus 2 business days is Tuesday 10:00, whatever DST did over the weekend). A wall time that does
 * not exist on the target day (spring forward) is the instant date-fns makes of it.
 */
export function addBusinessDays(from: Date, days: number, zone: string, hours: Pick<TBusinessHours, "days">): Date {
  if (days <= 0) return from;
  let day = zonedDay(from, zone);
  for (let counted = 0; counted < days; ) {
    day = nextDay(day);
    if (hours.days.includes(isoWeekday(day))) counted++;
  }
  return new Date(dayInstant(day, wallMinute(from, zone), zone));
}

/** The instant `hoursToAdd` working hours after `from`, counting only the working windows. */
export function addBusinessHours(from: Date, hoursToAdd: number, zone: string, hours: TBusinessHours): Date {
  let left = hoursToAdd * 3_600_000;
  if (left <= 0) return from;
  const { startMinute, endMinute } = businessWindow(hours);
  // A year of days is more than any delay the builder admits (it caps hours at 200).
  for (let day = zonedDay(from, zone), i = 0; i < 400; day = nextDay(day), i++) {
    if (!hours.days.includes(isoWeekday(day))) continue;
    const start = Math.max(dayInstant(day, startMinute, zone), from.getTime());
    const end = dayInstant(day, endMinute, zone);
    if (end <= start) continue;
    if (end - start >= left) return new Date(start + left);
    left -= end - start;
  }
  throw new Error("addBusinessHours: no working hours within a year");
}

/**
 * nextBusinessInstant for a window its schema keeps open (at least one day, end after start),
 * such as the sequences' sending window: never null, so callers need no fallback.
 */
export function nextWindowInstant(at: Date, zone: string, window: TBusinessHours): Date {
  const next = nextBusinessInstant(at, zone, window);
  if (!next) throw new Error("nextWindowInstant: the window has no working day");
  return next;
}
