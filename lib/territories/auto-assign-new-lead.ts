import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { autoAssignLead, type TAutoAssignResult } from "@/lib/territories/auto-assign-lead";

/**
 * For ingestion, right after a new pending lead is created and only when auto-assignment is on
 * (createSalesLead reads the setting in its own statement, so "off", the default, costs
 * nothing): gives the lead to the next rep in turn; autoAssignLead re-checks the setting inside
 * the transaction. It never fails the ingestion: the lead already exists and its webhook is
 * answered, so on an error the lead simply stays in the pool and the cause is logged.
 */
export async function autoAssignNewLead(leadId: number): Promise<TAutoAssignResult> {
  try {
    return await db.$transaction((tx) => autoAssignLead(tx, leadId), { maxWait: 10_000, timeout: 10_000 });
  } catch (err) {
    logger.error({ err, leadId }, "auto-assignment failed; the lead stays in the pool");
    return null;
  }
}
