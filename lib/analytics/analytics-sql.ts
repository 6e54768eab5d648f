import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { TAnalyticsFilter } from "@/lib/analytics/analytics-filter";
import { haulFilterSql } from "@/lib/haul/haul-filter-sql";

// SQL fragments shared by the figures, so every figure reads the range, the company time zone
// and the lead filters the same way. Column references are code constants, never user input.

/** The first instant of the range: midnight of `from` in the company's time zone. */
export const rangeStart = (f: TAnalyticsFilter) => Prisma.sql`((${f.from}::date)::timestamp AT TIME ZONE ${f.timeZone}::text)`;
/** The instant just after the range: midnight after `to` in the company's time zone. */
export const rangeEnd = (f: TAnalyticsFilter) => Prisma.sql`((${f.to}::date + 1)::timestamp AT TIME ZONE ${f.timeZone}::text)`;

export const inRange = (column: string, f: TAnalyticsFilter) =>
  Prisma.sql`${Prisma.raw(column)} >= ${rangeStart(f)} AND ${Prisma.raw(column)} < ${rangeEnd(f)}`;

/** A timestamptz column as the company's wall-clock time. */
export const localTime = (column: string, f: TAnalyticsFilter) => Prisma.sql`(${Prisma.raw(column)} AT TIME ZONE ${f.timeZone}::text)`;

/** Source and territory conditions on a sales_leads alias (a lead is in every territory whose states it touches). */
export function leadConditions(f: TAnalyticsFilter, lead = "l"): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.source) parts.push(Prisma.sql`AND ${Prisma.raw(lead)}.lead_source = ${f.source}::lead_source`);
  if (f.territoryId)
    parts.push(Prisma.sql`AND ${Prisma.raw(lead)}.states && (SELECT t.states FROM territories t WHERE t.id = ${f.territoryId}::int)`);
  const haul = haulFilterSql(f.haul, lead);
  if (haul) parts.push(Prisma.sql`AND ${haul}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/** Whether the filter narrows the leads (figures about actions join leads only then). */
export const filtersLeads = (f: TAnalyticsFilter) => !!(f.source || f.territoryId || f.haul);

/** `AND column = rep` when the figure is for one rep. */
export const repCondition = (column: string, f: TAnalyticsFilter) =>
  f.repId ? Prisma.sql`AND ${Prisma.raw(column)} = ${f.repId}::int` : Prisma.empty;

/** Numbers from PostgreSQL (bigint, numeric as Decimal, float, null) as plain finite JS numbers. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === "object" && "toNumber" in (value as object) ? (value as { toNumber(): number }).toNumber() : Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** A share in percent with one decimal; 0 when there is nothing to divide by. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Runs one figure's query with settings fit for a one-shot report, local to its transaction:
 * no JIT (at 100 000 leads the cost estimates cross jit_above_cost and compiling takes longer,
 * 200+ ms here, than the query itself) and room to sort and hash in memory.
 */
export async function queryFigure<TRows extends unknown[]>(query: Prisma.Sql): Promise<TRows> {
  // The transaction's own limit (Prisma's default 5 s) would cut a long live figure short on a
  // busy machine; the server's statement timeout (DATABASE_STATEMENT_TIMEOUT_MS) is the limit.
  const [, rows] = await db.$transaction(
    [db.$queryRaw`SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`, db.$queryRaw<TRows>(query)],
    { timeout: 120_000 },
  );
  return rows;
}
