import "server-only";
import { db } from "@/lib/db";
import { dispatchEmail } from "@/lib/email/dispatch-email";
import { textToHtml } from "@/lib/email/render-template";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { zonedDay, zonedDayBounds, zonedHour, type TDay } from "@/lib/kernel/zoned-time";
import { formatZonedDate, formatZonedTime, zoneAbbreviation } from "@/lib/kernel/zoned-format";
import { logger } from "@/lib/logger";

type TDigestItem = { lead_id: number; company_name: string; next_follow_up_at: Date; has_time: boolean; overdue: boolean };

/**
 * The `follow-up-digest` job (every quarter hour): from the company's digest hour on, each active
 * user who turned the digest on gets one email of the day's follow-ups (and the overdue ones),
 * through the same path as every email (SendGrid or the outbox). Once per user and company day:
 * the (user_id, day) key of follow_up_digests admits one row, and the email's idempotency key is
 * derived from it, so a second runner, a retried job or a later tick sends nothing more. A day
 * with nothing due records the row without an email.
 */
export async function sendFollowUpDigests(options: { now?: Date } = {}): Promise<{ sent: number; skipped: string | null }> {
  const now = options.now ?? new Date();
  const settings = await getCompanySettings();
  const zone = settings.timeZone;
  if (zonedHour(now, zone) < settings.followUpDigestHour) return { sent: 0, skipped: "before the digest hour" };
  const day = zonedDay(now, zone);
  const users = await db.user.findMany({
    where: {
      active: true,
      followUpDigest: true,
      // Done for the day: an email recorded, or nothing was due. A row without either is finished below.
      followUpDigests: { none: { day: new Date(`${day}T00:00:00Z`), OR: [{ emailMessageId: { not: null } }, { followUps: 0 }] } },
    },
    select: { id: true, name: true, email: true, phone: true },
  });
  let sent = 0;
  for (const user of users) {
    try {
      if (await sendOneDigest(user, day, now, zone)) sent++;
    } catch (err) {
      // One rep's failure (a suppressed address) must not keep the others' digests back.
      logger.error({ err, userId: user.id, day }, "follow-up digest failed");
    }
  }
  return { sent, skipped: null };
}

async function sendOneDigest(user: { id: number; name: string; email: string; phone: string | null }, day: TDay, now: Date, zone: string): Promise<boolean> {
  const { start, end } = zonedDayBounds(now, zone);
  const items = await db.$queryRaw<TDigestItem[]>`
    SELECT l.id AS lead_id, c.name AS company_name, l.next_follow_up_at, l.next_follow_up_has_time AS has_time,
           l.next_follow_up_at < ${start} AS overdue
    FROM sales_leads l JOIN companies c ON c.id = l.company_id
    WHERE l.assigned_admin_id = ${user.id} AND l.status IN ('assigned', 'in_progress') AND l.next_follow_up_at < ${end}
    ORDER BY l.next_follow_up_at, l.id
    LIMIT 200`;
  const dayDate = new Date(`${day}T00:00:00Z`);
  const claimed = await db.$executeRaw`
    INSERT INTO follow_up_digests (user_id, day, follow_ups) VALUES (${user.id}, ${dayDate}::date, ${items.length})
    ON CONFLICT (user_id, day) DO NOTHING`;
  if (claimed === 0) {
    // Another runner or an earlier try has the row. Finish its email only if it may have died
    // before recording one: the idempotency key makes that the same message, never a second.
    const row = await db.followUpDigest.findUniqueOrThrow({ where: { userId_day: { userId: user.id, day: dayDate } } });
    if (row.emailMessageId !== null || row.followUps === 0) return false;
  }
  if (items.length === 0) return false;

  const message = await dispatchEmail({
    sender: user,
    leadId: null,
    to: user.email,
    rendered: digestEmail(items, day, zone),
    template: null,
    idempotencyKey: `follow-up-digest:${day}`,
  });
  await db.followUpDigest.update({ where: { userId_day: { userId: user.id, day: dayDate } }, data: { emailMessageId: message.id } });
  return !message.replayed;
}

function digestEmail(items: TDigestItem[], day: TDay, zone: string) {
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/+$/, "");
  const line = (i: TDigestItem) => {
    const when = i.overdue
      ? `overdue since ${formatZonedDate(i.next_follow_up_at, zone)}`
      : i.has_time
        ? `${formatZonedTime(i.next_follow_up_at, zone)} ${zoneAbbreviation(i.next_follow_up_at, zone)}`
        : "any time today";
    return `- ${when}: ${i.company_name} — ${base}/admin/crm/lead/${i.lead_id}`;
  };
  const dayLabel = formatZonedDate(new Date(`${day}T12:00:00Z`), "UTC");
  const text = [`Your follow-ups for ${dayLabel}:`, "", ...items.map(line), "", "Turn this email off on My account in Pilot CRM."].join("\n");
  return { subject: `Follow-ups for ${dayLabel}: ${items.length}`, text, html: textToHtml(text), missing: [], unknown: [] };
}
