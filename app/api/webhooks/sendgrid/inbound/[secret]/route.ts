import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-response";
import { clientIp } from "@/lib/security/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limits";
import { recordInboundReply } from "@/lib/email/record-inbound-reply";
import { inboundSecretMatches } from "@/lib/email/verify-webhooks";

const MAX_BODY_BYTES = 30 * 1024 * 1024; // SendGrid's own Inbound Parse limit

// SendGrid Inbound Parse posts each reply here as multipart form data; the path's secret segment
// (SENDGRID_INBOUND_SECRET) is the authentication. Unmatched mail still answers 200 so SendGrid
// does not keep retrying it.
export async function POST(req: NextRequest, ctx: { params: Promise<{ secret: string }> }) {
  try {
    await consumeRateLimit("webhook-source", clientIp(req.headers));
    const { secret } = await ctx.params;
    if (!inboundSecretMatches(secret, process.env.SENDGRID_INBOUND_SECRET)) throw new AppError("UNAUTHORIZED", "Unknown inbound address");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Message too large");
    if (!(req.headers.get("content-type") ?? "").includes("multipart/form-data"))
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Inbound Parse posts multipart/form-data");
    const form = await req.formData();
    const fields: Record<string, string> = {};
    // Attachments arrive as files: only the text fields are read.
    for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
    return NextResponse.json(await recordInboundReply(fields));
  } catch (err) {
    return errorResponse(err);
  }
}
