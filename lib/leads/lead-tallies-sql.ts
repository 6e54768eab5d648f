import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES } from "@/lib/leads/lead-rules";

// Open = held and being worked: the workflow's own list (lead-rules.ts), not a copy of it.
const OPEN = Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::lead_status`));

/**
 * Leads held per admin (admin_id NULL: the pool), summed from lead_tallies: exact and live, since
 * the triggers of migration `lead_tallies` write them in the lead's own transaction, and a few
 * hundred rows once the lead-tallies-compact job has folded them, where counting sales_leads
 * reads a million. Columns: admin_id, leads (any status), open_leads (assigned or in progress),
 * pending. The dashboard's counts read this; anything that must lock a rep's leads (auto-assign's
 * cap) counts sales_leads itself.
 */
export const HELD_LEADS = Prisma.sql`(
  SELECT admin_id,
         sum(leads)::int AS leads,
         coalesce(sum(leads) FILTER (WHERE status IN (${OPEN})), 0)::int AS open_leads,
         coalesce(sum(leads) FILTER (WHERE status = 'pending'), 0)::int AS pending
  FROM lead_tallies GROUP BY admin_id
)`;
