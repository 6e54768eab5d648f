import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { toCompanySummary, type TCompanySummary } from "@/lib/companies/company-summary";
import type { TDuplicateRule } from "@/lib/companies/duplicate-rules";

export const DUPLICATES_PAGE_SIZE = 25;
// A group shows this many of its companies (a placeholder phone shared by hundreds would
// otherwise make one row the whole page); its size is shown in full.
const GROUP_SHOWN = 10;

export const ZListPossibleDuplicates = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export type TDuplicateGroup = { rule: TDuplicateRule; key: string; size: number; companies: (TCompanySummary & { leads: number })[] };
export type TMergeRequestRow = {
  id: number;
  company: { id: number; name: string };
  duplicateOf: { id: number; name: string };
  requestedBy: string;
  note: string | null;
  createdAt: string;
};
export type TPossibleDuplicates = { groups: TDuplicateGroup[]; total: number; page: number; pageSize: number; requests: TMergeRequestRow[] };

/**
 * The manager's duplicates page: live companies grouped by each shared key (USDOT, MC, email,
 * phone, then name + state), strongest rule first, largest group first, one page of groups; and
 * the reps' pending merge requests. One set-based statement per part: each rule is a GROUP BY
 * over the live companies (usdot, mc_norm, email_norm and phone_norm are indexed), paged by
 * LIMIT/OFFSET over the ordered groups with the total from a window count.
 */
export const listPossibleDuplicates = command(
  { input: ZListPossibleDuplicates, may: "companies.merge" },
  async (_actor, { page }): Promise<TPossibleDuplicates> => {
    const offset = (page - 1) * DUPLICATES_PAGE_SIZE;
    const groups = await db.$queryRaw<{ rule: TDuplicateRule; key: string; ids: number[]; size: number; total: bigint }[]>`
      WITH live AS (SELECT id, name, usdot, mc_norm, email_norm, phone_norm, state FROM companies WHERE merged_into_id IS NULL),
      g AS (
        SELECT 'usdot' AS rule, 1 AS rank, usdot AS key, array_agg(id ORDER BY id) AS ids FROM live WHERE usdot IS NOT NULL GROUP BY usdot HAVING count(*) > 1
        UNION ALL
        SELECT 'mc', 2, mc_norm, array_agg(id ORDER BY id) FROM live WHERE mc_norm IS NOT NULL GROUP BY mc_norm HAVING count(*) > 1
        UNION ALL
        SELECT 'email', 3, email_norm, array_agg(id ORDER BY id) FROM live WHERE email_norm IS NOT NULL GROUP BY email_norm HAVING count(*) > 1
        UNION ALL
        SELECT 'phone', 4, phone_norm, array_agg(id ORDER BY id) FROM live WHERE phone_norm IS NOT NULL GROUP BY phone_norm HAVING count(*) > 1
        UNION ALL
        SELECT 'name_state', 5, min(btrim(name)) || ', ' || state, array_agg(id ORDER BY id) FROM live
        WHERE state IS NOT NULL GROUP BY lower(btrim(name)), state HAVING count(*) > 1
      )
      SELECT rule, key, ids[1:${GROUP_SHOWN}] AS ids, cardinality(ids) AS size, count(*) OVER () AS total
      FROM g ORDER BY rank, cardinality(ids) DESC, key
      LIMIT ${DUPLICATES_PAGE_SIZE} OFFSET ${offset}`;

    const ids = [...new Set(groups.flatMap((g) => g.ids))];
    const companies = await db.company.findMany({ where: { id: { in: ids } }, include: { _count: { select: { leads: true } } } });
    const byId = new Map(companies.map((c) => [c.id, { ...toCompanySummary(c), leads: c._count.leads }]));

    const requests = await db.companyMergeRequest.findMany({
      where: { status: "pending", company: { mergedIntoId: null }, duplicateOf: { mergedIntoId: null } },
      orderBy: { createdAt: "asc" },
      take: 100,
      include: {
        company: { select: { id: true, name: true } },
        duplicateOf: { select: { id: true, name: true } },
        requestedBy: { select: { name: true } },
      },
    });

    return {
      groups: groups.map((g) => ({
        rule: g.rule,
        key: g.key,
        size: Number(g.size),
        companies: g.ids.map((id) => byId.get(id)).filter((c) => c !== undefined),
      })),
      total: Number(groups[0]?.total ?? 0),
      page,
      pageSize: DUPLICATES_PAGE_SIZE,
      requests: requests.map((r) => ({
        id: r.id,
        company: r.company,
        duplicateOf: r.duplicateOf,
        requestedBy: r.requestedBy.name,
        note: r.note,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  },
);
