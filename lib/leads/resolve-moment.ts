import "server-only";
import { AppError } from "@/lib/errors";
import { TIME_ZONE_SQL } from "@/lib/kernel/company-settings";
import type { TMoment } from "@/lib/leads/lead-input";
import type { TTx } from "@/lib/leads/lead-transaction";

const TWO_YEARS_MS = 2 * 366 * 86_400_000;

/**
 * Turns a follow-up moment into a timestamp (a local one in the company's time zone) and checks
 * that it is today or later and within two years. `field` names the input in the 400.
 */
export async function resolveFollowUp(tx: TTx, moment: TMoment, field: string): Promise<Date> {
  const local = "local" in moment ? moment.local : null;
  const at = "at" in moment ? moment.at : null;
  const [row] = await tx.$queryRaw<{ at: Date; today_start: Date }[]>`
    WITH z AS (SELECT ${TIME_ZONE_SQL} AS tz)
    SELECT coalesce(${local}::timestamp AT TIME ZONE z.tz, ${at}::timestamptz) AS at,
           date_trunc('day', now() AT TIME ZONE z.tz) AT TIME ZONE z.tz AS today_start
    FROM z`;
  const bad = (message: string) =>
    new AppError("BAD_REQUEST", `Invalid input: ${field} — ${message}`, [{ path: field, message }]);
  if (row.at < row.today_start) throw bad("The follow-up date cannot be in the past");
  if (row.at.getTime() > Date.now() + TWO_YEARS_MS) throw bad("The follow-up date must be within two years");
  return row.at;
}
