import { z } from "zod";

// The time-zone setting at the edge (settings form, analytics filter, company settings). Apart
// from zoned-time.ts so that client bundles, which only display dates, do not pull in zod.

// Zones found valid: the runtime's zone data does not change while it runs, and building a
// formatter to ask costs ~0.15 ms, paid on every read of the company settings (every list).
const known = new Set<string>();

export function isValidTimeZone(zone: string): boolean {
  if (known.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    known.add(zone);
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone name this runtime knows. */
export const ZTimeZone = z.string().trim().refine(isValidTimeZone, "Unknown time zone");
