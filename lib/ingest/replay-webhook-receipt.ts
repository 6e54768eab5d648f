import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The first answer given to this webhook-id; 409 when the id comes back with another body. */
export async function replayWebhookReceipt(webhookId: string, bodySha256: string): Promise<{ statusCode: number; response: unknown }> {
  const receipt = await db.webhookReceipt.findUnique({ where: { webhookId } });
  if (!receipt) throw new AppError("CONFLICT", "This webhook-id is being processed; retry shortly");
  if (receipt.bodySha256 !== bodySha256) throw new AppError("CONFLICT", "This webhook-id was already used with a different body");
  return { statusCode: receipt.statusCode, response: receipt.response };
}
