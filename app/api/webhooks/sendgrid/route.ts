import { NextResponse, type NextRequest } from "next/server";
import { EventWebhookHeader } from "@sendgrid/eventwebhook";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-response";
import { clientIp } from "@/lib/security/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limits";
import { applySendgridEvents } from "@/lib/email/apply-sendgrid-events";
import { verifySendgridSignature } from "@/lib/email/verify-webhooks";

const MAX_BODY_BYTES = 5 * 1024 * 1024;

// SendGrid's event webhook: raw body → signature and timestamp check → one handler for the batch.
export async function POST(req: NextRequest) {
  try {
    await consumeRateLimit("webhook-source", clientIp(req.headers));
    const publicKey = process.env.SENDGRID_EVENT_PUBLIC_KEY?.trim();
    if (!publicKey) throw new AppError("UNAVAILABLE", "The event webhook is not configured (SENDGRID_EVENT_PUBLIC_KEY).");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Batch too large");
    const payload = await req.text();
    if (Buffer.byteLength(payload) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Batch too large");
    const verdict = verifySendgridSignature({
      publicKey,
      payload,
      signature: req.headers.get(EventWebhookHeader.SIGNATURE()),
      timestamp: req.headers.get(EventWebhookHeader.TIMESTAMP()),
      toleranceSeconds: Number(process.env.SENDGRID_EVENT_TOLERANCE_SECONDS ?? 300) || 300,
    });
    if (!verdict.ok) throw new AppError("UNAUTHORIZED", verdict.reason);
    let events: unknown;
    try {
      events = JSON.parse(payload);
    } catch {
      throw new AppError("BAD_REQUEST", "The body is not valid JSON");
    }
    return NextResponse.json(await applySendgridEvents(events));
  } catch (err) {
    return errorResponse(err);
  }
}
