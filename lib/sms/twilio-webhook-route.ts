import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-response";
import { readRawBody } from "@/lib/http/read-body";
import { TWILIO_WEBHOOK_BODY_LIMIT } from "@/lib/http/body-limits.mjs";
import { logger } from "@/lib/logger";
import { clientIp } from "@/lib/security/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limits";
import { smsConfig } from "@/lib/sms/sms-config";
import { signedUrl, verifyTwilioRequest, type TTwilioParams } from "@/lib/sms/verify-twilio-request";

/**
 * A Twilio webhook route: rate limit per source, the raw form body, X-Twilio-Signature against the
 * URL Twilio signed — a forged or unsigned request is 403 and nothing is stored — then the one
 * handler with the verified fields.
 */
export function twilioWebhookRoute(handle: (params: TTwilioParams) => Promise<NextResponse>) {
  return async function POST(req: NextRequest): Promise<NextResponse> {
    try {
      await consumeRateLimit("webhook-source", clientIp(req.headers));
      const rawBody = await readRawBody(req, TWILIO_WEBHOOK_BODY_LIMIT);
      const config = smsConfig();
      const verdict = verifyTwilioRequest({
        authToken: config.authToken,
        signature: req.headers.get("x-twilio-signature"),
        url: signedUrl(req.url, req.headers, config),
        rawBody,
      });
      if (!verdict.ok) {
        logger.warn({ path: req.nextUrl.pathname, reason: verdict.reason }, "Twilio webhook refused");
        throw new AppError("FORBIDDEN", verdict.reason);
      }
      return await handle(verdict.params);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** An empty TwiML answer: Twilio sends no reply text of ours (it answers STOP/START itself). */
export function emptyTwiml(): NextResponse {
  return new NextResponse('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', { status: 200, headers: { "Content-Type": "text/xml; charset=utf-8" } });
}
