import { z } from "zod";

// The time-zone setting at the edge (settings form, analytics filter, company settings). Apart
// from zoned-time.ts so that client bundles, which only display dates, do not pull in zod.

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
