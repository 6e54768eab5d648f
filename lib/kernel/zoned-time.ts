import { tz, TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay, startOfWeek } from "date-fns";
import { z } from "zod";

// The one owner of company time. "Today", "tomorrow at 9", "this week" and every displayed date
// are the company's (settings `time_zone`), never the server's or the browser's: a rep in Chicago
// must not see a lead "due today" move to tomorrow at 6 pm, and a manager travelling in Tokyo must
// see the same day as the team. Pure functions (no database, no `server-only`): the server, the
// SQL fragment builder and the client components all call these.

/** The company zone until a manager sets one (settings key `time_zone`). */
export const DEFAULT_TIME_ZONE = "America/Chicago";

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone name this runtime knows. */
export const ZTimeZone = z.string().trim().refine(isValidTimeZone, "Unknown time zone");

/** A calendar day as YYYY-MM-DD. */
export type TDay = string;

const dayFormat = "yyyy-MM-dd";

/** The instant `at` as a date-fns context in `zone`. */
function inZone(zone: string) {
  return { in: tz(zone) };
}

/** A plain Date (what Prisma and JSON want) from a zoned one. */
function plain(d: Date): Date {
  return new Date(d.getTime());
}

/** The company calendar day containing `at`, as YYYY-MM-DD. */
export function zonedDay(at: Date, zone: string): TDay {
  return format(at, dayFormat, inZone(zone));
}

/** The company calendar day `days` after the day of `at` (negative: before), as YYYY-MM-DD. */
export function zonedDateAfter(at: Date, days: number, zone: string): TDay {
  return format(addDays(startOfDay(at, inZone(zone)), days), dayFormat);
}

/** The instant at which the wall clock in `zone` reads the given local time (month 1–12). */
export function zonedTimeToUtc(year: number, month: number, day: number, hour: number, minute: number, zone: string): Date {
  return plain(new TZDate(year, month - 1, day, hour, minute, zone));
}

/** The instant a company day (YYYY-MM-DD) starts at `hour`:00 company time (0 by default). */
export function zonedDayStart(day: TDay, zone: string, hour = 0): Date {
  const [y, m, d] = day.split("-").map(Number);
  return zonedTimeToUtc(y, m, d, hour, 0, zone);
}

/** Start of the company day containing `at`, and of the next one (23, 24 or 25 hours later). */
export function zonedDayBounds(at: Date, zone: string): { start: Date; end: Date } {
  const start = startOfDay(at, inZone(zone));
  return { start: plain(start), end: plain(addDays(start, 1)) };
}

/** Monday 00:00 company time of the week containing `at` (weeks start on Monday, as date_trunc('week') does). */
export function zonedWeekStart(at: Date, zone: string): Date {
  return plain(startOfWeek(at, { ...inZone(zone), weekStartsOn: 1 }));
}

/** `days` company days after the day of `at`, at `hour`:00 company time ("tomorrow 9:00"). */
export function zonedDaysLater(at: Date, days: number, hour: number, zone: string): Date {
  return zonedDayStart(zonedDateAfter(at, days, zone), zone, hour);
}

/** The hour a follow-up date is booked at, company time. */
export const FOLLOW_UP_HOUR = 9;

/**
 * The follow-up shortcuts both the lead page's action form and the call list offer. One table and
 * one function, so "Next week" is the same day wherever a rep picks it.
 */
export const FOLLOW_UP_SHORTCUTS = [
  { key: "tomorrow", label: "Tomorrow", days: 1 },
  { key: "3d", label: "In 3 days", days: 3 },
  { key: "1w", label: "Next week", days: 7 },
] as const;
export type TFollowUpShortcut = (typeof FOLLOW_UP_SHORTCUTS)[number]["key"];
export const FOLLOW_UP_SHORTCUT_KEYS = FOLLOW_UP_SHORTCUTS.map((s) => s.key) as [TFollowUpShortcut, ...TFollowUpShortcut[]];

/** The company day a shortcut means when picked at `now`. */
export function followUpShortcutDay(key: TFollowUpShortcut, now: Date, zone: string): TDay {
  const shortcut = FOLLOW_UP_SHORTCUTS.find((s) => s.key === key);
  if (!shortcut) throw new Error(`Unknown follow-up shortcut ${key}`);
  return zonedDateAfter(now, shortcut.days, zone);
}

/** Every shortcut with its day, for a picker. */
export function followUpShortcutDays(now: Date, zone: string): { key: TFollowUpShortcut; label: string; day: TDay }[] {
  return FOLLOW_UP_SHORTCUTS.map((s) => ({ key: s.key, label: s.label, day: followUpShortcutDay(s.key, now, zone) }));
}

// Display. Fixed to en-US and to the zone passed in (the company's, sent by the server), so the
// server's render and the browser's hydration print the same text whatever zone either runs in.

function formatter(zone: string, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat("en-US", { timeZone: zone, ...options });
}

/** "Dec 6, 2026": the company day of an instant. */
export function formatZonedDate(at: Date | string, zone: string): string {
  return formatter(zone, { month: "short", day: "numeric", year: "numeric" }).format(new Date(at));
}

/** "Dec 6, 2026, 9:00 AM" in the company zone (without the zone's name). */
export function formatZonedDateTime(at: Date | string, zone: string): string {
  return formatter(zone, { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" }).format(new Date(at));
}

/** "Thu 3 Dec": a company day in a sentence ("Follow-up of Thu 3 Dec marked done"). */
export function formatZonedWeekday(at: Date | string, zone: string): string {
  const parts = formatter(zone, { weekday: "short", day: "numeric", month: "short" }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")}`;
}

/** "9:00 AM" in the company zone (without the zone's name). */
export function formatZonedTime(at: Date | string, zone: string): string {
  return formatter(zone, { hour: "numeric", minute: "2-digit" }).format(new Date(at));
}

/** The zone's short name at that instant: "CST" or "CDT" for Chicago, "GMT+9" for Tokyo. */
export function zoneAbbreviation(at: Date | string, zone: string): string {
  return formatter(zone, { timeZoneName: "short" }).formatToParts(new Date(at)).find((p) => p.type === "timeZoneName")?.value ?? zone;
}
