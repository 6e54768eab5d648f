import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-response";
import { readFormBody } from "@/lib/http/read-body";
import { SENDGRID_INBOUND_BODY_LIMIT } from "@/lib/http/body-limits.mjs";
import { clientIp } from "@/lib/security/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limits";
import { recordInboundReply } from "@/lib/email/record-inbound-reply";
import { inboundSecretMatches } from "@/lib/email/verify-webhooks";

// SendGrid Inbound Parse posts each reply here as multipart form data; the path's secret segment
// (SENDGRID_INBOUND_SECRET) is the authentication. Unmatched mail still answers 200 so SendGrid
// does not keep retrying it.
export async function POST(req: NextRequest, ctx: { params: Promise<{ secret: string }> }) {
  try {
    await consumeRateLimit("webhook-source", clientIp(req.headers));
    const { secret } = await ctx.params;
    if (!inboundSecretMatches(secret, process.env.SENDGRID_INBOUND_SECRET)) throw new AppError("UNAUTHORIZED", "Unknown inbound address");
    if (!(req.headers.get("content-type") ?? "").includes("multipart/form-data"))
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Inbound Parse posts multipart/form-data");
    const form = await readFormBody(req, SENDGRID_INBOUND_BODY_LIMIT);
    const fields: Record<string, string> = {};
    // Attachments arrive as files: only the text fields are read.
    for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
    return NextResponse.json(await recordInboundReply(fields));
  } catch (err) {
    return errorResponse(err);
  }
}
