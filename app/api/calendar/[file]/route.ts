import { type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-response";
import { getCalendarFeed } from "@/lib/calendar/get-calendar-feed";

// A rep's calendar feed, `GET /api/calendar/<token>.ics`. Calendar apps (Google, Outlook) fetch it
// without a session: the 256-bit token in the path is the credential, so an unknown or rotated one
// is a plain 404 that says nothing more. The request log records the route pattern, never the path.
export async function GET(_req: NextRequest, ctx: { params: Promise<{ file: string }> }) {
  try {
    const { file } = await ctx.params;
    const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
    const feed = await getCalendarFeed(token);
    if (feed === null) throw new AppError("NOT_FOUND", "Not found");
    return new Response(feed, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="pilot-crm-follow-ups.ics"',
        // Personal data behind a secret URL: no shared cache may keep it.
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
