import crypto from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { createSalesLead } from "@/lib/ingest/create-sales-lead";
import { parseLeadWebhook } from "@/lib/ingest/parse-lead-webhook";
import { readRawBody } from "@/lib/http/read-body";
import { LEAD_WEBHOOK_BODY_LIMIT } from "@/lib/http/body-limits.mjs";
import { verifyWebhook } from "@/lib/ingest/verify-webhook";
import { errorResponse } from "@/lib/http/route-response";
import { clientIp } from "@/lib/security/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limits";

export const dynamic = "force-dynamic";

// POST /api/webhooks/leads (DESIGN §6): raw body (413) → signature (401) → schema (400) →
// one transaction with its idempotency receipt (replay: the first answer; other body: 409) → 202.
export async function POST(req: NextRequest): Promise<NextResponse> {
  try {
    await consumeRateLimit("webhook-source", clientIp(req.headers));
    const raw = await readRawBody(req, LEAD_WEBHOOK_BODY_LIMIT);
    const { webhookId } = verifyWebhook(raw, req.headers);
    const event = parseLeadWebhook(raw);
    const result = await createSalesLead(
      {
        company: event.company,
        source: event.type,
        leadData: event.data,
        estimatedValue: event.estimated_value,
        occurredAt: event.occurred_at,
      } as Parameters<typeof createSalesLead>[0],
      {
        webhookId,
        bodySha256: crypto.createHash("sha256").update(raw).digest("hex"),
        payload: event,
      },
    );
    return NextResponse.json({ lead_id: result.leadId, consolidated: result.consolidated, status: result.status }, { status: 202 });
  } catch (err) {
    return errorResponse(err);
  }
}
