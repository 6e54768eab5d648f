"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import {
  formatZonedDate,
  formatZonedDateTime,
  formatZonedTime,
  zoneAbbreviation,
} from "@/lib/kernel/zoned-format";

// Every date or time a user sees is the company's (settings `time_zone`), handed down by the CRM
// layout from the server, never the browser's or the server's own zone: both render the same text,
// so hydration matches wherever the viewer is.
const CompanyTimeZone = createContext<string | null>(null);

export function CompanyTimeZoneProvider({ zone, children }: { zone: string; children: React.ReactNode }) {
  return <CompanyTimeZone.Provider value={zone}>{children}</CompanyTimeZone.Provider>;
}

/** The company zone, as the server sent it. */
export function useCompanyTimeZone(): string {
  const zone = useContext(CompanyTimeZone);
  if (!zone) throw new Error("useCompanyTimeZone() outside <CompanyTimeZoneProvider>");
  return zone;
}

const noSubscription = () => () => {};

/**
 * Whether the browser's own zone is the company's. The server cannot know, so it (and hydration)
 * says no and names the zone; the browser then drops the name for a viewer already in the zone.
 */
function useViewerInZone(zone: string): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone === zone,
    () => false,
  );
}

const FORMATS = { date: formatZonedDate, datetime: formatZonedDateTime, time: formatZonedTime } as const;

/**
 * An instant shown in the company zone: "Dec 6, 2026", "Dec 6, 2026, 9:00 AM CST" or "9:00 AM
 * CST". Times name the zone unless the viewer is in it; days are company days. Null shows "—".
 */
export function ZonedTime({ value, show = "datetime" }: { value: string | Date | null | undefined; show?: keyof typeof FORMATS }) {
  const zone = useCompanyTimeZone();
  const inZone = useViewerInZone(zone);
  if (!value) return <>—</>;
  const at = new Date(value);
  const text = FORMATS[show](at, zone);
  return (
    <time dateTime={at.toISOString()}>
      {show === "date" || inZone ? text : `${text} ${zoneAbbreviation(at, zone)}`}
    </time>
  );
}
