import { NextResponse, type NextRequest } from "next/server";
import { EventWebhookHeader } from "@sendgrid/eventwebhook";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-response";
import { parseJsonBody, readRawBody } from "@/lib/http/read-body";
import { SENDGRID_EVENTS_BODY_LIMIT } from "@/lib/http/body-limits.mjs";
import { clientIp } from "@/lib/security/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limits";
import { applySendgridEvents } from "@/lib/email/apply-sendgrid-events";
import { verifySendgridSignature } from "@/lib/email/verify-webhooks";

// SendGrid's event webhook: raw body → signature and timestamp check → one handler for the batch.
export async function POST(req: NextRequest) {
  try {
    await consumeRateLimit("webhook-source", clientIp(req.headers));
    const publicKey = process.env.SENDGRID_EVENT_PUBLIC_KEY?.trim();
    if (!publicKey) throw new AppError("UNAVAILABLE", "The event webhook is not configured (SENDGRID_EVENT_PUBLIC_KEY).");
    const payload = await readRawBody(req, SENDGRID_EVENTS_BODY_LIMIT);
    const verdict = verifySendgridSignature({
      publicKey,
      payload,
      signature: req.headers.get(EventWebhookHeader.SIGNATURE()),
      timestamp: req.headers.get(EventWebhookHeader.TIMESTAMP()),
      toleranceSeconds: Number(process.env.SENDGRID_EVENT_TOLERANCE_SECONDS ?? 300) || 300,
    });
    if (!verdict.ok) throw new AppError("UNAUTHORIZED", verdict.reason);
    return NextResponse.json(await applySendgridEvents(parseJsonBody(payload)));
  } catch (err) {
    return errorResponse(err);
  }
}
