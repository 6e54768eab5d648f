import "server-only";
import { db } from "@/lib/db";

// Senders retry for up to 72 hours; a receipt must outlive every retry of its event.
export const RECEIPT_RETENTION_HOURS = 72;

/** Deletes receipts older than the retention (never younger than 72 h); returns how many. */
export async function deleteExpiredWebhookReceipts(options: { olderThanHours?: number } = {}): Promise<number> {
  const hours = Math.max(RECEIPT_RETENTION_HOURS, options.olderThanHours ?? RECEIPT_RETENTION_HOURS);
  return db.$executeRaw`DELETE FROM webhook_receipts WHERE received_at < now() - make_interval(hours => ${hours}::int)`;
}
