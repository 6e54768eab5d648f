import { tz, TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay, startOfWeek } from "date-fns";

// The one owner of company time. "Today", "tomorrow at 9", "this week" and every displayed date
// are the company's (settings `time_zone`), never the server's or the browser's: a rep in Chicago
// must not see a lead "due today" move to tomorrow at 6 pm, and a manager travelling in Tokyo must
// see the same day as the team. Pure functions (no database, no `server-only`): the server, the
// SQL fragment builder and the client components all call these. Printing an instant is
// zoned-format.ts; the zone setting's schema is time-zone-schema.ts.

/** The company zone until a manager sets one (settings key `time_zone`). */
export const DEFAULT_TIME_ZONE = "America/Chicago";

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

/** The company wall-clock hour (0–23) at `at`. */
export function zonedHour(at: Date, zone: string): number {
  return Number(format(at, "H", inZone(zone)));
}

/** `days` company days after the day of `at`, at `hour`:00 company time ("tomorrow 9:00"). */
export function zonedDaysLater(at: Date, days: number, hour: number, zone: string): Date {
  return zonedDayStart(zonedDateAfter(at, days, zone), zone, hour);
}

/** The hour a date-only follow-up is stored at, company time (it means "any time that day"). */
export const FOLLOW_UP_HOUR = 9;

/** A follow-up as a rep picks it: a company day, and a company wall-clock time or none ("any time that day"). */
export type TFollowUpPick = {
  day: TDay;
  /** "HH:MM" company time, or null for a date-only follow-up. */
  time: string | null;
  /** The instant it is stored as (a date-only one at FOLLOW_UP_HOUR). */
  at: Date;
};

type TShortcutRule =
  | { hours: number }
  | { days: number; hour?: number }
  | { weekday: number; hour?: number };

/**
 * The follow-up shortcuts the lead page's action form, the call list and snooze offer. One table
 * and one function, so "Next Monday" is the same moment wherever a rep picks it. With an `hour`
 * (or `hours` from now) the follow-up has a time and is reminded then; without, it is a day.
 */
export const FOLLOW_UP_SHORTCUTS = [
  { key: "1h", label: "In 1 hour", rule: { hours: 1 } },
  { key: "tomorrow9", label: "Tomorrow 9:00", rule: { days: 1, hour: 9 } },
  { key: "tomorrow", label: "Tomorrow", rule: { days: 1 } },
  { key: "3d", label: "In 3 days", rule: { days: 3 } },
  { key: "1w", label: "Next week", rule: { days: 7 } },
  { key: "monday", label: "Next Monday", rule: { weekday: 1 } },
] as const satisfies readonly { key: string; label: string; rule: TShortcutRule }[];
export type TFollowUpShortcut = (typeof FOLLOW_UP_SHORTCUTS)[number]["key"];
export const FOLLOW_UP_SHORTCUT_KEYS = FOLLOW_UP_SHORTCUTS.map((s) => s.key) as [TFollowUpShortcut, ...TFollowUpShortcut[]];

/** The shortcuts snooze offers (lead page, call list). */
export const SNOOZE_SHORTCUT_KEYS = ["1h", "tomorrow9", "monday"] as const satisfies readonly TFollowUpShortcut[];
export type TSnoozeShortcut = (typeof SNOOZE_SHORTCUT_KEYS)[number];

/** "14:05": the company wall-clock time of an instant, as an `<input type="time">` holds it. */
export function zonedClock(at: Date | string, zone: string): string {
  return format(new Date(at), "HH:mm", inZone(zone));
}

/** A pick from a company day and an optional "HH:MM" company time. */
export function followUpPick(day: TDay, time: string | null, zone: string): TFollowUpPick {
  if (!time) return { day, time: null, at: zonedDayStart(day, zone, FOLLOW_UP_HOUR) };
  const [y, m, d] = day.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return { day, time, at: zonedTimeToUtc(y, m, d, hh, mm, zone) };
}

/** What a shortcut means when picked at `now`: its company day, time (or none) and instant. */
export function followUpShortcut(key: TFollowUpShortcut, now: Date, zone: string): TFollowUpPick {
  const shortcut = FOLLOW_UP_SHORTCUTS.find((s) => s.key === key);
  if (!shortcut) throw new Error(`Unknown follow-up shortcut ${key}`);
  const rule: TShortcutRule = shortcut.rule;
  if ("hours" in rule) {
    // Elapsed time, so it is right across a daylight-saving change; to the minute, as a time field holds it.
    const at = new Date(now.getTime() + rule.hours * 3_600_000);
    at.setUTCSeconds(0, 0);
    return { day: zonedDay(at, zone), time: zonedClock(at, zone), at };
  }
  const days =
    "days" in rule
      ? rule.days
      : // The next such weekday strictly after today (on a Monday, "next Monday" is in 7 days).
        ((rule.weekday - Number(format(now, "i", inZone(zone))) % 7 + 7) % 7) || 7;
  const day = zonedDateAfter(now, days, zone);
  return followUpPick(day, rule.hour === undefined ? null : `${String(rule.hour).padStart(2, "0")}:00`, zone);
}

/** The company day a shortcut means when picked at `now`. */
export function followUpShortcutDay(key: TFollowUpShortcut, now: Date, zone: string): TDay {
  return followUpShortcut(key, now, zone).day;
}

/** Every shortcut with its day and time, for a picker. */
export function followUpShortcutDays(now: Date, zone: string): ({ key: TFollowUpShortcut; label: string } & TFollowUpPick)[] {
  return FOLLOW_UP_SHORTCUTS.map((s) => ({ key: s.key, label: s.label, ...followUpShortcut(s.key, now, zone) }));
}
