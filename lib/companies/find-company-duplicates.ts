import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { zId } from "@/lib/leads/lead-input";
import type { TDuplicateRule } from "@/lib/companies/duplicate-rules";

export const ZFindCompanyDuplicates = z.object({ company_id: zId("company_id") });

export type TCompanyDuplicate = {
  id: number;
  name: string;
  city: string | null;
  state: string | null;
  reasons: TDuplicateRule[];
  /** A rep's pending request about this pair (either direction), if any. */
  request: { id: number; requestedBy: string; mine: boolean } | null;
};

const LIMIT = 20;

/**
 * The live companies that may be the same as this one (same USDOT, MC, email, phone, or name and
 * state), each with its reasons and any pending merge request of the pair: the company page's
 * "possible duplicate of". Every rule is an equality lookup on an index (the name on the import's
 * companies_name_key_idx, lower(btrim(name)), the same name key the import's suggestion uses).
 */
export const findCompanyDuplicates = command(
  { input: ZFindCompanyDuplicates, may: "lead.read" },
  async (actor, { company_id }): Promise<TCompanyDuplicate[]> => {
    const rows = await db.$queryRaw<{ id: number; name: string; city: string | null; state: string | null; reasons: TDuplicateRule[] }[]>`
      WITH me AS (SELECT * FROM companies WHERE id = ${company_id} AND merged_into_id IS NULL),
      hits AS (
        SELECT c.id, 'usdot' AS reason, 1 AS rank FROM companies c, me WHERE c.usdot = me.usdot
        UNION ALL SELECT c.id, 'mc', 2 FROM companies c, me WHERE c.mc_norm = me.mc_norm
        UNION ALL SELECT c.id, 'email', 3 FROM companies c, me WHERE c.email_norm = me.email_norm
        UNION ALL SELECT c.id, 'phone', 4 FROM companies c, me WHERE c.phone_norm = me.phone_norm
        UNION ALL SELECT c.id, 'name_state', 5 FROM companies c, me
          WHERE lower(btrim(c.name)) = lower(btrim(me.name)) AND c.state = me.state
      )
      SELECT c.id, c.name, c.city, c.state::text AS state, array_agg(h.reason ORDER BY h.rank) AS reasons
      FROM hits h JOIN companies c ON c.id = h.id
      WHERE c.id <> ${company_id} AND c.merged_into_id IS NULL
      GROUP BY c.id ORDER BY min(h.rank), count(*) DESC, c.id LIMIT ${LIMIT}`;
    const requests = await db.companyMergeRequest.findMany({
      where: { status: "pending", OR: [{ companyId: company_id }, { duplicateOfId: company_id }] },
      include: { requestedBy: { select: { name: true } } },
    });
    const requestFor = (otherId: number) => {
      const r = requests.find((q) => q.companyId === otherId || q.duplicateOfId === otherId);
      return r ? { id: r.id, requestedBy: r.requestedBy.name, mine: r.requestedById === actor.id } : null;
    };
    return rows.map((r) => ({ ...r, request: requestFor(r.id) }));
  },
);
