import { Prisma } from "@/lib/generated/prisma/client";

// Days ("due today", "created on") are the company's days, not the server's: the manager's
// time_zone setting, America/Chicago until set. A fragment, so it costs no extra round trip.
export const TIME_ZONE_SQL = Prisma.sql`coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago')`;

/** CTEs `z` (tz) and `b` (today, tomorrow: the company's day boundaries as timestamptz). */
export const DAY_BOUNDS_CTE = Prisma.sql`z AS (SELECT ${TIME_ZONE_SQL} AS tz),
  b AS (SELECT date_trunc('day', now() AT TIME ZONE z.tz) AT TIME ZONE z.tz AS today,
               (date_trunc('day', now() AT TIME ZONE z.tz) + interval '1 day') AT TIME ZONE z.tz AS tomorrow FROM z)`;
