import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Stores the answer given to a webhook-id, as the last write of the transaction that did the work.
 * False when that id already has a receipt: a replay (or a concurrent twin, which the unique index
 * makes wait for the first to commit), whose work the caller must roll back.
 */
export async function saveWebhookReceipt(
  tx: Prisma.TransactionClient,
  receipt: { webhookId: string; bodySha256: string; statusCode: number; response: Prisma.InputJsonObject },
): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO webhook_receipts (webhook_id, body_sha256, status_code, response)
    VALUES (${receipt.webhookId}, ${receipt.bodySha256}, ${receipt.statusCode}, ${JSON.stringify(receipt.response)}::jsonb)
    ON CONFLICT (webhook_id) DO NOTHING`;
  return inserted === 1;
}
