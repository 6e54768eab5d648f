// When a text to one lead may go out: the company's text sending hours (company setting
// textSendingHours, never outside 08:00–21:00) read in the lead's own zone — its company's state,
// when known (lib/geo/state-time-zones.ts) — else in the company's zone. Pure.
import { nextBusinessInstant, type TBusinessHours } from "@/lib/kernel/business-hours";
import { formatZonedDateTime, zoneAbbreviation } from "@/lib/kernel/zoned-format";
import { stateTimeZone } from "@/lib/geo/state-time-zones";

export type TTextWindow = {
  zone: string;
  /** Whose zone it is: the lead's state's, or the company's when the state is unknown. */
  zoneOf: "lead" | "company";
  open: boolean;
  /** The next allowed instant (`now` itself when open); null if the hours never open. */
  next: Date | null;
};

export function textSendingWindow(now: Date, leadState: string | null | undefined, companyZone: string, hours: TBusinessHours): TTextWindow {
  const leadZone = stateTimeZone(leadState);
  const zone = leadZone ?? companyZone;
  const next = nextBusinessInstant(now, zone, hours);
  return { zone, zoneOf: leadZone ? "lead" : "company", open: next !== null && next.getTime() === now.getTime(), next };
}

/** "Texts go out 09:00–20:00 in the lead's time zone (CST); the next allowed time is …". */
export function describeClosedWindow(w: TTextWindow, hours: TBusinessHours): string {
  const whose = w.zoneOf === "lead" ? "the lead's time zone" : "the company's time zone (the lead's state is unknown)";
  const when = w.next ? `; the next allowed time is ${formatZonedDateTime(w.next, w.zone)} ${zoneAbbreviation(w.next, w.zone)}` : "";
  return `Outside texting hours: texts go out ${hours.start}–${hours.end} in ${whose}${when}.`;
}
