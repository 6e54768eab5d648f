import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { zId } from "@/lib/leads/lead-input";

export const ZRequestCompanyMerge = z
  .object({
    company_id: zId("company_id"),
    duplicate_of_id: zId("duplicate_of_id"),
    note: z.string().trim().max(500, "Keep the note under 500 characters").optional(),
  })
  .refine((d) => d.company_id !== d.duplicate_of_id, { path: ["duplicate_of_id"], message: "A company cannot be a duplicate of itself" });

export type TMergeRequest = { id: number; companyId: number; duplicateOfId: number; status: string };

/**
 * A rep's "these two are the same company": a pending request the manager sees on the duplicates
 * page. One per pair, in either direction; asking again about a dismissed pair re-opens it.
 */
export const requestCompanyMerge = command(
  { input: ZRequestCompanyMerge, may: "lead.read" },
  async (actor, d): Promise<TMergeRequest> =>
    db.$transaction(async (tx) => {
      // The companies' rows, locked so a merge running now finishes first and is seen.
      const companies = await tx.$queryRaw<{ id: number; merged_into_id: number | null }[]>`
        SELECT id, merged_into_id FROM companies WHERE id IN (${d.company_id}, ${d.duplicate_of_id}) ORDER BY id FOR SHARE`;
      if (companies.length !== 2) throw new AppError("NOT_FOUND", "Company not found");
      const merged = companies.find((c) => c.merged_into_id !== null);
      if (merged) throw new AppError("CONFLICT", `Company #${merged.id} was already merged into company #${merged.merged_into_id}.`);
      const select = { id: true, companyId: true, duplicateOfId: true, status: true } as const;
      const existing = await tx.companyMergeRequest.findFirst({
        where: {
          OR: [
            { companyId: d.company_id, duplicateOfId: d.duplicate_of_id },
            { companyId: d.duplicate_of_id, duplicateOfId: d.company_id },
          ],
        },
        select,
      });
      if (existing?.status === "pending") return existing;
      const data = { requestedById: actor.id, note: d.note ?? null, status: "pending", resolvedById: null, resolvedAt: null };
      const request = existing
        ? await tx.companyMergeRequest.update({ where: { id: existing.id }, data, select })
        : await tx.companyMergeRequest.create({ data: { companyId: d.company_id, duplicateOfId: d.duplicate_of_id, ...data }, select });
      await recordAudit(tx, {
        actor,
        action: "company.merge_requested",
        target: { type: "company", id: d.company_id },
        after: { request_id: request.id, company_id: d.company_id, duplicate_of_id: d.duplicate_of_id, note: d.note ?? null },
      });
      return request;
    }),
);
