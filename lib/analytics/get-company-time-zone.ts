import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "@/lib/analytics/analytics-filter";

/**
 * The company's time zone (settings key `time_zone`, a JSON string such as "America/Chicago"):
 * analytics days, weeks, months, weekdays and hours are the company's, not the server's.
 * A missing or unknown value falls back to America/Chicago rather than breaking every chart.
 */
export async function getCompanyTimeZone(): Promise<string> {
  const row = await db.setting.findUnique({ where: { key: "time_zone" }, select: { value: true } });
  const value = row?.value;
  return typeof value === "string" && isValidTimeZone(value) ? value : DEFAULT_TIME_ZONE;
}
