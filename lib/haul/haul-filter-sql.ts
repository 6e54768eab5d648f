import { Prisma } from "@/lib/generated/prisma/client";
import type { THaulFilter } from "@/lib/haul/haul-vocabulary";

/**
 * The haul filter as a condition on a sales_leads alias: the flag columns apply_lead_haul()
 * keeps. The leads list reads the flagged leads from sales_leads_haul_list_idx (partial: police
 * or superload); the analytics filters from sales_leads_needs_police_superload_status_idx. Null
 * without a filter.
 */
export function haulFilterSql(filter: THaulFilter | undefined, lead = "l"): Prisma.Sql | null {
  const l = Prisma.raw(lead);
  switch (filter) {
    case "police":
      return Prisma.sql`${l}.needs_police`;
    case "superload":
      return Prisma.sql`${l}.superload`;
    case "police_or_superload":
      return Prisma.sql`(${l}.needs_police OR ${l}.superload)`;
    default:
      return null;
  }
}
