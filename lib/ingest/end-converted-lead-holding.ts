import "server-only";
import { leadTransaction, lockLead } from "@/lib/leads/lead-transaction";
import { endLeadHolding } from "@/lib/leads/end-lead-holding";
import { logger } from "@/lib/logger";

/**
 * An order or registration webhook converts the company's open lead inside the ingest SQL
 * (ingest_lead_events(), the `order_convert` step), which knows nothing of sequences or requests.
 * Right after that commit, this takes the lead's conversion through the same hook as convertLead:
 * under the lead's row lock, a running sequence stops and an open request closes (cancelled:
 * converted), once — a second call (a replayed webhook) finds nothing left to end. It never fails
 * the webhook (the conversion is stored already): a failure is logged, the sequence step's own
 * check still stops the enrolment, and the request can still be declined or withdrawn.
 */
export async function endConvertedLeadHolding(leadId: number): Promise<void> {
  try {
    await leadTransaction(async (tx) => {
      const lead = await lockLead(tx, leadId);
      if (lead.status === "converted") await endLeadHolding(tx, leadId, "converted", null);
    });
  } catch (err) {
    logger.error({ err, leadId }, "could not end the converted lead's sequence and open request");
  }
}
