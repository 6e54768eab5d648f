import "server-only";
import { db } from "@/lib/db";
import { autoAssignLead, type TAutoAssignResult } from "@/lib/territories/auto-assign-lead";
import { getTerritorySettings } from "@/lib/territories/get-territory-settings";

/**
 * For ingestion, right after a new pending lead is created: gives it to the next rep in turn
 * when auto-assignment is on. Off (the default) costs one small read and no transaction.
 * It never fails the ingestion: the lead already exists and its webhook is answered, so on an
 * error the lead simply stays in the pool, first come first served, and the cause is logged.
 */
export async function autoAssignNewLead(leadId: number): Promise<TAutoAssignResult> {
  try {
    const { autoAssign } = await getTerritorySettings();
    if (!autoAssign.enabled) return null;
    return await db.$transaction((tx) => autoAssignLead(tx, leadId), { maxWait: 10_000, timeout: 10_000 });
  } catch (err) {
    console.error(`auto-assignment of lead ${leadId} failed; it stays in the pool:`, err);
    return null;
  }
}
