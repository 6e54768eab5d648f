import { actorRoute } from "@/lib/http/actor-route";
import { openLiveStream } from "@/lib/live/open-live-stream";

// The live event stream (Server-Sent Events): session cookie, 401 JSON without one.
export const dynamic = "force-dynamic";

export const GET = actorRoute(async (actor, req) =>
  openLiveStream(actor, { lastEventId: req.headers.get("last-event-id"), signal: req.signal }),
);
