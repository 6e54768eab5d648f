import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { zId } from "@/lib/leads/lead-input";

export const ZDismissMergeRequest = z.object({ request_id: zId("request_id") });

/** The manager decides two companies are not the same: the rep's request leaves the queue. */
export const dismissMergeRequest = command(
  { input: ZDismissMergeRequest, may: "companies.merge" },
  async (actor, { request_id }): Promise<{ id: number }> =>
    db.$transaction(async (tx) => {
      const { count } = await tx.companyMergeRequest.updateMany({
        where: { id: request_id, status: "pending" },
        data: { status: "dismissed", resolvedById: actor.id, resolvedAt: new Date() },
      });
      if (count === 0) throw new AppError("NOT_FOUND", "No pending merge request with that id");
      const r = await tx.companyMergeRequest.findUniqueOrThrow({ where: { id: request_id } });
      await recordAudit(tx, {
        actor,
        action: "company.merge_request_dismissed",
        target: { type: "company", id: r.companyId },
        before: { status: "pending" },
        after: { request_id, status: "dismissed", company_id: r.companyId, duplicate_of_id: r.duplicateOfId },
      });
      return { id: request_id };
    }),
);
