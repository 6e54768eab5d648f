import "server-only";
import { TZDate } from "@date-fns/tz";
import ical from "ical-generator";
import { db } from "@/lib/db";
import { getCompanyTimeZone } from "@/lib/kernel/company-settings";
import { CALENDAR_TOKEN_RE, hashCalendarToken } from "@/lib/calendar/calendar-token";

/** How long a timed follow-up blocks in the calendar. */
const EVENT_MINUTES = 30;

type TFeedRow = {
  lead_id: number;
  company_name: string;
  company_phone: string | null;
  next_follow_up_at: Date;
  has_time: boolean;
  set_by: string | null;
  updated_at: Date;
};

/**
 * The `.ics` feed of one user's follow-ups, found by the secret in its URL (null for an unknown or
 * malformed token, or a deactivated user: the route answers 404 alike). One event per open lead
 * with a planned follow-up, its UID stable per lead, so a calendar app moves the event when the
 * follow-up moves. A follow-up set by a Meeting action is the scheduled meeting ("Meeting: …").
 * Timed follow-ups are events in the company zone (TZID), date-only ones all-day events on their
 * company day. Built by ical-generator; dates go in as TZDate, which it reads in the zone.
 */
export async function getCalendarFeed(token: string, options: { baseUrl?: string } = {}): Promise<string | null> {
  if (!CALENDAR_TOKEN_RE.test(token)) return null;
  const user = await db.user.findUnique({
    where: { calendarTokenHash: hashCalendarToken(token) },
    select: { id: true, name: true, active: true },
  });
  if (!user || !user.active) return null;
  const zone = await getCompanyTimeZone();
  // The action that set the follow-up: the lead's latest one still in force with that date.
  const rows = await db.$queryRaw<TFeedRow[]>`
    SELECT l.id AS lead_id, c.name AS company_name, c.phone AS company_phone, l.next_follow_up_at,
           l.next_follow_up_has_time AS has_time, a.action_type::text AS set_by, l.updated_at
    FROM sales_leads l
    JOIN companies c ON c.id = l.company_id
    LEFT JOIN LATERAL (
      SELECT action_type FROM sales_actions a
      WHERE a.lead_id = l.id AND a.voided_at IS NULL AND a.follow_up_date = l.next_follow_up_at
      ORDER BY a.created_at DESC LIMIT 1
    ) a ON true
    WHERE l.assigned_admin_id = ${user.id} AND l.status IN ('assigned', 'in_progress') AND l.next_follow_up_at IS NOT NULL
    ORDER BY l.next_follow_up_at, l.id
    LIMIT 2000`;

  const base = (options.baseUrl ?? process.env.NEXTAUTH_URL ?? "").replace(/\/+$/, "");
  const calendar = ical({
    name: `Pilot CRM follow-ups (${user.name})`,
    prodId: { company: "Pilot CRM", product: "follow-ups", language: "EN" },
    timezone: zone,
    // Calendar apps poll; this asks for at most every 15 minutes (Google decides for itself).
    ttl: 15 * 60,
  });
  for (const r of rows) {
    const meeting = r.set_by === "meeting";
    const start = new TZDate(r.next_follow_up_at.getTime(), zone);
    const url = base ? `${base}/admin/crm/lead/${r.lead_id}` : null;
    calendar.createEvent({
      id: `lead-${r.lead_id}-follow-up@pilot-crm`,
      // Increases whenever the follow-up changes, so clients replace their copy.
      sequence: Math.floor(r.updated_at.getTime() / 1000) % 2_000_000_000,
      summary: `${meeting ? "Meeting" : "Follow up"}: ${r.company_name}`,
      description: [r.company_phone ? `Phone: ${r.company_phone}` : null, url].filter(Boolean).join("\n") || null,
      url,
      start,
      ...(r.has_time
        ? { end: new TZDate(r.next_follow_up_at.getTime() + EVENT_MINUTES * 60_000, zone), timezone: zone }
        : { allDay: true, timezone: zone }),
    });
  }
  return calendar.toString();
}
