// Display of instants in a time zone: the one owner of every date/time format a user reads
// ("Dec 6, 2026", "9:00 AM", "CST"). Fixed to en-US and to the zone passed in (the company's, sent
// by the server), so the server's render and the browser's hydration print the same text whatever
// zone either runs in. Only Intl, no date library or schema: client components import it, and
// pulling zoned-time.ts (date-fns, @date-fns/tz) into every page's bundle just to print a date was
// a 36 KB chunk. The arithmetic of company days ("tomorrow 9:00") stays in zoned-time.ts.

type TFormatName = "date" | "datetime" | "weekday" | "shortDay" | "time" | "zone";

const OPTIONS: Record<TFormatName, Intl.DateTimeFormatOptions> = {
  date: { month: "short", day: "numeric", year: "numeric" },
  datetime: { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" },
  weekday: { weekday: "short", day: "numeric", month: "short" },
  shortDay: { weekday: "short", month: "short", day: "numeric" },
  time: { hour: "numeric", minute: "2-digit" },
  zone: { timeZoneName: "short" },
};

// Building an Intl.DateTimeFormat costs far more than using one (it loads the zone's rules and
// the locale's patterns); a list of a few hundred rows formats with the same handful.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, name: TFormatName): Intl.DateTimeFormat {
  const key = `${zone}|${name}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, ...OPTIONS[name] });
    cache.set(key, f);
  }
  return f;
}

/** "Dec 6, 2026": the company day of an instant. */
export function formatZonedDate(at: Date | string, zone: string): string {
  return formatter(zone, "date").format(new Date(at));
}

/** "Dec 6, 2026, 9:00 AM" in the company zone (without the zone's name). */
export function formatZonedDateTime(at: Date | string, zone: string): string {
  return formatter(zone, "datetime").format(new Date(at));
}

/** "Thu 3 Dec": a company day in a sentence ("Follow-up of Thu 3 Dec marked done"). */
export function formatZonedWeekday(at: Date | string, zone: string): string {
  const parts = formatter(zone, "weekday").formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")}`;
}

/** "Thu, Dec 3": a company day at a glance (the call list's reasons). */
export function formatZonedShortDay(at: Date | string, zone: string): string {
  return formatter(zone, "shortDay").format(new Date(at));
}

/** "9:00 AM" in the company zone (without the zone's name). */
export function formatZonedTime(at: Date | string, zone: string): string {
  return formatter(zone, "time").format(new Date(at));
}

/** The zone's short name at that instant: "CST" or "CDT" for Chicago, "GMT+9" for Tokyo. */
export function zoneAbbreviation(at: Date | string, zone: string): string {
  return formatter(zone, "zone").formatToParts(new Date(at)).find((p) => p.type === "timeZoneName")?.value ?? zone;
}
