import "server-only";
import { db } from "@/lib/db";

// A stream resumes from Last-Event-ID after a blip or a restart (seconds to minutes); a client
// away for longer reloads the page anyway. A day leaves room for a long outage.
export const LIVE_EVENT_RETENTION_HOURS = 24;

/** The live-events-cleanup job: deletes events past the retention; returns how many. */
export async function deleteOldLiveEvents(): Promise<number> {
  return db.$executeRaw`DELETE FROM live_events WHERE created_at < now() - make_interval(hours => ${LIVE_EVENT_RETENTION_HOURS}::int)`;
}
