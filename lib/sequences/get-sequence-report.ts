import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";
import { isManager, type TActor } from "@/lib/auth/permissions";
import { zId } from "@/lib/leads/lead-input";
import { maySeeSequence, visibleSequencesWhere } from "@/lib/sequences/sequence-access";
import type { TAnalyticsFilter, TAnalyticsFilterInput } from "@/lib/analytics/analytics-filter";
import { scopeAnalytics } from "@/lib/analytics/analytics-scope";
import { filtersLeads, inRange, leadConditions, repCondition } from "@/lib/analytics/analytics-sql";

// The sequence report, counted in SQL (one statement per table of figures). The definitions are
// shown beside the figures (components/sequences/sequence-definitions.tsx) and are these:
//  enrolled   — enrolments started (any state now)
//  sent       — steps that ran: an email or text handed to the provider, a call task put on the
//               call list, a wait that passed (skipped sends are not counted)
//  opened     — sent emails SendGrid reported opened (or clicked, or replied to) at least once
//  clicked    — sent emails with at least one click
//  replied    — sent emails answered (the inbound reply matched its reply-to token)
//  stopped    — enrolments stopped while this step was next, by reason
//  converted  — enrolled leads converted after their enrolment began
// A rep sees the enrolments of their own leads; the manager every rep's. A sequence's report counts
// all time; the analytics page counts the enrolments begun in its range (and of its rep and lead
// filters), each followed to today: what they sent, got back and ended in so far.

export const ZGetSequenceReport = z.object({ sequence_id: zId("Sequence") });

export type TSequenceTotals = {
  sequenceId: number;
  name: string;
  enrolled: number;
  active: number;
  paused: number;
  completed: number;
  stopped: number;
  sent: number;
  opened: number;
  clicked: number;
  replied: number;
  converted: number;
};
export type TSequenceStepFigures = { position: number; kind: string; label: string; sent: number; skipped: number; opened: number; clicked: number; replied: number; stopped: number };
export type TSequenceStopFigures = { reason: string; position: number; count: number };
export type TSequenceReport = { totals: TSequenceTotals; steps: TSequenceStepFigures[]; stops: TSequenceStopFigures[] };

// A sequence text counts as answered when the lead texted back after it (inbound texts carry the
// lead's id; read through text_messages' (lead_id, created_at) index).
const TEXT_ANSWERED = Prisma.sql`r.text_message_id IS NOT NULL AND EXISTS (
  SELECT 1 FROM text_messages t WHERE t.lead_id = (SELECT lead_id FROM sequence_enrolments WHERE id = r.enrolment_id)
     AND t.direction = 'inbound' AND t.created_at >= r.ran_at)`;

const repScope = (actor: TActor) => (isManager(actor) ? Prisma.sql`TRUE` : Prisma.sql`e.rep_id = ${actor.id}`);

/**
 * The analytics filter on enrolments `e`: begun in the range (company days; index
 * sequence_enrolments (created_at, rep_id)), the rep's, and of leads that pass the lead filters
 * (source, territory, haul) as every analytics figure reads them.
 */
function enrolmentFilter(f: TAnalyticsFilter): Prisma.Sql {
  const leads = filtersLeads(f) ? Prisma.sql`AND EXISTS (SELECT 1 FROM sales_leads l WHERE l.id = e.lead_id ${leadConditions(f)})` : Prisma.empty;
  return Prisma.sql`AND ${inRange("e.created_at", f)} ${repCondition("e.rep_id", f)} ${leads}`;
}

export type TSequenceTotalsOptions = {
  /** These sequences only (the report); default every sequence the actor may see. */
  sequenceIds?: number[];
  /**
   * The analytics page's filter: only the enrolments begun in its range (and of its rep and
   * leads), each followed to today; archived sequences without any are left out. Absent: all time.
   */
  filter?: TAnalyticsFilterInput;
};

/** Totals per sequence: all time for a sequence's report, or the analytics page's range and filters. */
export async function getSequenceTotals(actor: TActor, options: TSequenceTotalsOptions = {}): Promise<TSequenceTotals[]> {
  // Scoped as every analytics figure: a rep's own figures only, another rep's asked for is 404.
  const filter = options.filter ? scopeAnalytics(actor, options.filter) : null;
  const ids = options.sequenceIds ?? (await db.sequence.findMany({ where: visibleSequencesWhere(actor), select: { id: true } })).map((s) => s.id);
  if (!ids.length) return [];
  const rows = await db.$queryRaw<TSequenceTotals[]>`
    WITH e AS (
      SELECT e.* FROM sequence_enrolments e WHERE e.sequence_id = ANY(${ids}::int[]) AND ${repScope(actor)} ${filter ? enrolmentFilter(filter) : Prisma.empty}
    ), runs AS (
      SELECT e.sequence_id,
             count(*) FILTER (WHERE r.status IN ('sent', 'done'))::int AS sent,
             count(m.id) FILTER (WHERE m.open_count > 0 OR m.click_count > 0 OR m.replied_at IS NOT NULL OR m.status IN ('opened', 'clicked', 'replied'))::int AS opened,
             count(m.id) FILTER (WHERE m.click_count > 0 OR m.status = 'clicked')::int AS clicked,
             count(m.id) FILTER (WHERE m.replied_at IS NOT NULL)::int + count(r.id) FILTER (WHERE ${TEXT_ANSWERED})::int AS replied
        FROM e JOIN sequence_step_runs r ON r.enrolment_id = e.id
        LEFT JOIN email_messages m ON m.id = r.email_message_id
       GROUP BY e.sequence_id
    ), enr AS (
      SELECT e.sequence_id,
             count(*)::int AS enrolled,
             count(*) FILTER (WHERE e.status = 'active')::int AS active,
             count(*) FILTER (WHERE e.status = 'paused')::int AS paused,
             count(*) FILTER (WHERE e.status = 'completed')::int AS completed,
             count(*) FILTER (WHERE e.status = 'stopped')::int AS stopped,
             count(DISTINCT e.lead_id) FILTER (WHERE c.created_at >= e.created_at)::int AS converted
        FROM e LEFT JOIN sales_conversions c ON c.lead_id = e.lead_id
       GROUP BY e.sequence_id
    )
    SELECT s.id AS "sequenceId", s.name,
           coalesce(enr.enrolled, 0) AS enrolled, coalesce(enr.active, 0) AS active, coalesce(enr.paused, 0) AS paused,
           coalesce(enr.completed, 0) AS completed, coalesce(enr.stopped, 0) AS stopped,
           coalesce(runs.sent, 0) AS sent, coalesce(runs.opened, 0) AS opened, coalesce(runs.clicked, 0) AS clicked,
           coalesce(runs.replied, 0) AS replied, coalesce(enr.converted, 0) AS converted
      FROM sequences s LEFT JOIN enr ON enr.sequence_id = s.id LEFT JOIN runs ON runs.sequence_id = s.id
     WHERE s.id = ANY(${ids}::int[]) ${filter ? Prisma.sql`AND (NOT s.archived OR enr.enrolled > 0)` : Prisma.empty}
     ORDER BY s.name, s.id`;
  return rows;
}

/** One sequence's report: totals, figures per step, stops by reason and step. 404 for a sequence the actor may not see. */
export const getSequenceReport = command(ZGetSequenceReport, async (actor, data): Promise<TSequenceReport> => {
  const sequence = await db.sequence.findUnique({ where: { id: data.sequence_id } });
  if (!sequence || !maySeeSequence(actor, sequence)) throw new AppError("NOT_FOUND", "Sequence not found");
  const [totals] = await getSequenceTotals(actor, { sequenceIds: [sequence.id] });
  const steps = await db.$queryRaw<Omit<TSequenceStepFigures, "label">[]>`
    WITH e AS (SELECT e.* FROM sequence_enrolments e WHERE e.sequence_id = ${sequence.id} AND ${repScope(actor)})
    SELECT st.position, st.kind,
           count(r.id) FILTER (WHERE r.status IN ('sent', 'done'))::int AS sent,
           count(r.id) FILTER (WHERE r.status = 'skipped')::int AS skipped,
           count(m.id) FILTER (WHERE m.open_count > 0 OR m.click_count > 0 OR m.replied_at IS NOT NULL OR m.status IN ('opened', 'clicked', 'replied'))::int AS opened,
           count(m.id) FILTER (WHERE m.click_count > 0 OR m.status = 'clicked')::int AS clicked,
           count(m.id) FILTER (WHERE m.replied_at IS NOT NULL)::int + count(r.id) FILTER (WHERE ${TEXT_ANSWERED})::int AS replied,
           (SELECT count(*)::int FROM e WHERE e.status = 'stopped' AND e.position = st.position) AS stopped
      FROM sequence_steps st
      LEFT JOIN sequence_step_runs r ON r.step_id = st.id AND r.enrolment_id IN (SELECT id FROM e)
      LEFT JOIN email_messages m ON m.id = r.email_message_id
     WHERE st.sequence_id = ${sequence.id}
     GROUP BY st.id, st.position, st.kind
     ORDER BY st.position`;
  const stops = await db.$queryRaw<TSequenceStopFigures[]>`
    SELECT e.stop_reason AS reason, e.position, count(*)::int AS count
      FROM sequence_enrolments e
     WHERE e.sequence_id = ${sequence.id} AND e.status = 'stopped' AND ${repScope(actor)}
     GROUP BY e.stop_reason, e.position
     ORDER BY e.position, count DESC`;
  return { totals, steps: steps.map((s) => ({ ...s, label: `Step ${s.position + 1}` })), stops };
});
