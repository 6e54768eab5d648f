import "server-only";
import { z } from "zod";
import type { TErrorCode } from "@/lib/errors";
import { toAppError } from "@/lib/to-app-error";
import { assignLead } from "@/lib/leads/assign-lead";
import { claimLead } from "@/lib/leads/claim-lead";
import { emptyToUndefined, zId, zOptionalText } from "@/lib/leads/lead-input";
import { markLeadLost } from "@/lib/leads/mark-lead-lost";
import { command } from "@/lib/command";

const MAX_ROWS = 100;

export const ZRunBulkLeadAction = z
  .object({
    op: z.enum(["claim", "assign", "lose"], { error: "Choose claim, assign or mark lost" }),
    lead_ids: z.preprocess(
      (v) => (Array.isArray(v) ? v : typeof v === "string" ? v.split(",").filter(Boolean) : v),
      z
        .array(zId("Lead id"), { error: "Select some leads" })
        .min(1, "Select some leads")
        .max(MAX_ROWS, `At most ${MAX_ROWS} leads at once`),
    ),
    admin_id: z.preprocess(emptyToUndefined, zId("admin_id").optional()),
    reason: zOptionalText(500, "The reason"),
  })
  .superRefine((v, ctx) => {
    if (v.op === "assign" && v.admin_id === undefined)
      ctx.addIssue({ code: "custom", path: ["admin_id"], message: "Choose who gets the leads" });
    if (v.op === "lose" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason" });
  });
export type TRunBulkLeadAction = z.input<typeof ZRunBulkLeadAction>;

export type TBulkRowResult = { leadId: number; ok: boolean; code?: TErrorCode; message: string };
export type TBulkResult = {
  op: "claim" | "assign" | "lose";
  succeeded: number;
  refused: number;
  results: TBulkRowResult[];
};

/**
 * Applies one workflow step to each selected lead through the same domain function a single click
 * uses, each in its own transaction: a refused row (someone claimed it first, it is closed, it is
 * not the rep's) is reported and the others still go through.
 */
export const runBulkLeadAction = command(ZRunBulkLeadAction, async (actor, data): Promise<TBulkResult> => {
  const { op, admin_id, reason } = data;
  const ids = [...new Set(data.lead_ids)];

  const results: TBulkRowResult[] = [];
  for (const leadId of ids) {
    try {
      if (op === "claim") await claimLead(actor, { lead_id: leadId });
      else if (op === "assign") await assignLead(actor, { lead_id: leadId, admin_id: admin_id! });
      else await markLeadLost(actor, { lead_id: leadId, reason: reason! });
      results.push({
        leadId,
        ok: true,
        message: op === "claim" ? "Claimed" : op === "assign" ? "Assigned" : "Marked lost",
      });
    } catch (err) {
      const e = toAppError(err);
      // A bad admin_id or reason is the same for every row: fail the whole request, not each row.
      if (e.code === "BAD_REQUEST") throw e;
      results.push({ leadId, ok: false, code: e.code, message: e.message });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { op, succeeded, refused: results.length - succeeded, results };
});
