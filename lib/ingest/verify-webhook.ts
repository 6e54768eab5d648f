import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

// Standard Webhooks verification (HMAC-SHA256 over "{id}.{timestamp}.{body}", constant-time
// comparison, ±5 minutes) done by the `standardwebhooks` package, never by hand.
// LEAD_WEBHOOK_SECRET holds one or more `whsec_…` secrets separated by spaces or commas: during a
// rotation the sender switches to the new one while the old one is still accepted.

let cached: { raw: string; verifiers: Webhook[] } | undefined;
let warnedUnset = false;

function verifiers(): Webhook[] {
  const raw = process.env.LEAD_WEBHOOK_SECRET ?? "";
  if (cached?.raw === raw) return cached.verifiers;
  const list: Webhook[] = [];
  for (const secret of raw.split(/[\s,]+/).filter(Boolean)) {
    try {
      list.push(new Webhook(secret));
    } catch {
      logger.error("LEAD_WEBHOOK_SECRET holds a secret that is not base64 (whsec_…): it is ignored");
    }
  }
  cached = { raw, verifiers: list };
  return list;
}

/** Returns the verified `webhook-id`, or throws 401 without saying which check failed. */
export function verifyWebhook(rawBody: string, headers: Headers): { webhookId: string } {
  const unauthorized = new AppError("UNAUTHORIZED", "Invalid webhook signature");
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signature = headers.get("webhook-signature");
  if (!id || !timestamp || !signature || id.length > 200) throw unauthorized;

  const list = verifiers();
  if (!list.length) {
    if (!warnedUnset) logger.error("LEAD_WEBHOOK_SECRET is not set: every lead webhook is refused");
    warnedUnset = true;
    throw unauthorized;
  }
  const signed = { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature };
  for (const verifier of list) {
    try {
      verifier.verify(rawBody, signed, { jsonParse: false });
      return { webhookId: id };
    } catch (err) {
      if (!(err instanceof WebhookVerificationError)) throw err;
      // A stale or future timestamp fails alike for every secret: no need to try the others.
      if (/timestamp|Signature Headers/i.test(err.message)) break;
    }
  }
  throw unauthorized;
}
