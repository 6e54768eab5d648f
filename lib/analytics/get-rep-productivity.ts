import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { filtersLeads, inRange, leadConditions, percent, queryFigure, repCondition, toNumber } from "@/lib/analytics/analytics-sql";
import { rollupAsOf, rollupDays, type TFigureOptions } from "@/lib/analytics/analytics-rollups";

export type TRepProductivityRow = {
  repId: number;
  name: string;
  calls: number;
  emails: number;
  workingDays: number;
  callsPerDay: number;
  emailsPerDay: number;
  /** Calls whose outcome was "interested", and their share of calls (the second seed's "Calls → Interested"). */
  interestedCalls: number;
  callToInterestRate: number;
  emailsSent: number;
  replies: number;
  responseRate: number;
};

// Messages that never left us or were refused on the way do not count as sent; "simulated"
// (outbox mode, no SendGrid key) does, so the demo and a real account measure alike.
export const UNSENT_EMAIL_STATUSES = ["queued", "failed", "bounced", "dropped"] as const;

const perDay = (n: number, days: number) => (days > 0 ? Math.round((n / days) * 10) / 10 : 0);

/**
 * Per rep: calls and emails logged (sales actions) per working day — Monday to Friday of the
 * range, up to today in the company's calendar — and the email response rate: prospect emails
 * sent in the range (email_messages with a lead, status not queued, failed, bounced or dropped)
 * against those of them that got a reply (replied_at set).
 */
export async function getRepProductivity(actor: TActor, input: TAnalyticsFilterInput, options: TFigureOptions = {}): Promise<TRepProductivityRow[]> {
  const f = scopeAnalytics(actor, input);
  const needsLead = filtersLeads(f);
  const actionLead = needsLead ? Prisma.sql`JOIN sales_leads l ON l.id = a.lead_id ${leadConditions(f)}` : Prisma.empty;
  const unsent = Prisma.join(UNSENT_EMAIL_STATUSES.map((s) => Prisma.sql`${s}::email_status`));
  const who = f.repId
    ? Prisma.sql`u.id = ${f.repId}::int`
    : Prisma.sql`(u.role = 'admin' AND u.active) OR acts.admin_id IS NOT NULL OR mail.sender_id IS NOT NULL`;
  // Without lead filters, the actions come from the daily rollup (analytics_action_daily).
  const acts = (await rollupAsOf("analytics_action_daily", f, { ...options, withoutLeadFilters: true }))
    ? Prisma.sql`
      SELECT r.admin_id,
             coalesce(sum(r.actions) FILTER (WHERE r.action_type = 'call'), 0) AS calls,
             coalesce(sum(r.actions) FILTER (WHERE r.action_type = 'email'), 0) AS emails,
             coalesce(sum(r.actions) FILTER (WHERE r.action_type = 'call' AND r.interested), 0) AS interested
      FROM analytics_action_daily r
      WHERE ${rollupDays(f)} ${repCondition("r.admin_id", f)}
      GROUP BY r.admin_id`
    : Prisma.sql`
      SELECT a.admin_id,
             count(*) FILTER (WHERE a.action_type = 'call') AS calls,
             count(*) FILTER (WHERE a.action_type = 'email') AS emails,
             count(*) FILTER (WHERE a.action_type = 'call' AND a.outcome = 'interested') AS interested
      FROM sales_actions a
      ${actionLead}
      WHERE ${inRange("a.created_at", f)} ${repCondition("a.admin_id", f)} AND a.voided_at IS NULL
      GROUP BY a.admin_id`;
  // Without lead filters, the emails come from their daily rollup (analytics_email_daily), by status.
  const mail = (await rollupAsOf("analytics_email_daily", f, { ...options, withoutLeadFilters: true }))
    ? Prisma.sql`
      SELECT r.sender_id, sum(r.emails) AS sent, sum(r.replied) AS replied
      FROM analytics_email_daily r
      WHERE ${rollupDays(f)} AND r.status NOT IN (${unsent}) ${repCondition("r.sender_id", f)}
      GROUP BY r.sender_id`
    : Prisma.sql`
      SELECT m.sender_id, count(*) AS sent, count(*) FILTER (WHERE m.replied_at IS NOT NULL) AS replied
      FROM email_messages m
      JOIN sales_leads l ON l.id = m.lead_id
      WHERE m.status NOT IN (${unsent}) AND ${inRange("coalesce(m.sent_at, m.created_at)", f)}
            ${leadConditions(f)} ${repCondition("m.sender_id", f)}
      GROUP BY m.sender_id`;
  const rows = await queryFigure<
    { rep_id: number; name: string; calls: bigint; emails: bigint; interested: bigint; sent: bigint; replied: bigint; working_days: number }[]
  >(Prisma.sql`
    WITH days AS (
      SELECT count(*) FILTER (WHERE extract(isodow FROM d) < 6)::int AS working_days
      FROM generate_series(${f.from}::date::timestamp,
                           least(${f.to}::date, (now() AT TIME ZONE ${f.timeZone}::text)::date)::timestamp,
                           interval '1 day') AS d
    ), acts AS (${acts}), mail AS (${mail})
    SELECT u.id AS rep_id, u.name, coalesce(acts.calls, 0) AS calls, coalesce(acts.emails, 0) AS emails,
           coalesce(acts.interested, 0) AS interested, coalesce(mail.sent, 0) AS sent, coalesce(mail.replied, 0) AS replied,
           days.working_days
    FROM users u
    CROSS JOIN days
    LEFT JOIN acts ON acts.admin_id = u.id
    LEFT JOIN mail ON mail.sender_id = u.id
    WHERE ${who}
    ORDER BY coalesce(acts.calls, 0) + coalesce(acts.emails, 0) DESC, u.name, u.id`);
  return rows.map((r) => {
    const [calls, emails, interested, sent, replies] = [r.calls, r.emails, r.interested, r.sent, r.replied].map(toNumber);
    const workingDays = toNumber(r.working_days);
    return {
      repId: r.rep_id,
      name: r.name,
      calls,
      emails,
      workingDays,
      callsPerDay: perDay(calls, workingDays),
      emailsPerDay: perDay(emails, workingDays),
      interestedCalls: interested,
      callToInterestRate: percent(interested, calls),
      emailsSent: sent,
      replies,
      responseRate: percent(replies, sent),
    };
  });
}
