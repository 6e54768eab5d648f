import "server-only";
import { z } from "zod";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { zId, zOptionalText } from "@/lib/leads/lead-input";
import { approveLeadRequest } from "@/lib/requests/approve-lead-request";
import { declineLeadRequest } from "@/lib/requests/decline-lead-request";

export const ZDecideLeadRequests = z.object({
  request_ids: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v]),
    z.array(zId("request_id")).min(1, "Pick at least one request").max(100, "At most 100 at once"),
  ),
  decision: z.enum(["approve", "decline"], { error: "Choose approve or decline" }),
  note: zOptionalText(1000, "The note"),
});
export type TDecideLeadRequests = z.input<typeof ZDecideLeadRequests>;

export type TDecideResult = { id: number; ok: boolean; message: string };

/**
 * The approval queue's bulk bar: approve or decline many requests with one optional note. Each is
 * its own transaction through the single-request function, so one refused (decided meanwhile in
 * another tab, a stale handoff) changes nothing of it and does not hold back the others.
 */
export const decideLeadRequests = command(ZDecideLeadRequests, async (actor, data) => {
  const results: TDecideResult[] = [];
  const decide = data.decision === "approve" ? approveLeadRequest : declineLeadRequest;
  for (const id of [...new Set(data.request_ids)]) {
    try {
      await decide(actor, { request_id: id, note: data.note });
      results.push({ id, ok: true, message: data.decision === "approve" ? "Approved" : "Declined" });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, message: err.message });
    }
  }
  return { decision: data.decision, done: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length, results };
});
