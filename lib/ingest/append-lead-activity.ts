import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { computePriorityScore } from "@/lib/leads/compute-priority-score";
import { collectLeadStates } from "@/lib/ingest/collect-lead-states";
import { mergeLeadData } from "@/lib/ingest/merge-lead-data";
import type { TIngestContext } from "@/lib/ingest/ingest-context";

export type TLeadForActivity = {
  id: number;
  leadSource: string;
  leadData: Prisma.JsonValue;
  estimatedValue: Prisma.Decimal | number | string;
  states: string[];
  lastActivityAt: Date;
};

export const LEAD_FOR_ACTIVITY_SELECT = {
  id: true,
  status: true,
  leadSource: true,
  leadData: true,
  estimatedValue: true,
  states: true,
  lastActivityAt: true,
  assignedAdminId: true,
} as const;

/**
 * Folds one event into an existing lead: a lead_activities row, then the lead's data, states,
 * value (the larger), last activity and priority. `extra` carries a status change made at the same
 * time (a conversion). The caller holds the company's lock and records the lead event.
 */
export async function appendLeadActivity(ctx: TIngestContext, lead: TLeadForActivity, extra: Prisma.SalesLeadUpdateInput = {}) {
  // The count runs on the statement's snapshot, which does not yet hold the row it inserts.
  const [inserted] = await ctx.tx.$queryRaw<{ id: number; count: number }[]>`
    WITH ins AS (
      INSERT INTO lead_activities (lead_id, source, payload, webhook_id, occurred_at)
      VALUES (${lead.id}, ${ctx.source}, ${JSON.stringify(ctx.payload)}::jsonb, ${ctx.webhookId}, ${ctx.occurredAt})
      RETURNING id
    )
    SELECT (SELECT id FROM ins) AS id, (SELECT count(*)::int + 1 FROM lead_activities WHERE lead_id = ${lead.id}) AS count`;
  const value = Math.max(Number(lead.estimatedValue), ctx.value);
  const score = (leadSource: string) => computePriorityScore({ leadSource, estimatedValue: value, activityCount: inserted.count });
  const leadData = mergeLeadData(lead.leadData as Record<string, unknown>, {
    type: ctx.source,
    occurred_at: ctx.occurredAt.toISOString(),
    webhook_id: ctx.webhookId,
    data: ctx.data,
  });
  await ctx.tx.salesLead.update({
    where: { id: lead.id },
    data: {
      leadData: leadData as Prisma.InputJsonObject,
      states: collectLeadStates(lead.states, ctx.data, ctx.companyState),
      estimatedValue: value.toFixed(2),
      lastActivityAt: ctx.occurredAt > lead.lastActivityAt ? ctx.occurredAt : lead.lastActivityAt,
      // Intent is the strongest signal seen: a quote joining a load plan's lead scores as a quote.
      priorityScore: Math.max(score(lead.leadSource), score(ctx.source)),
      ...extra,
    },
  });
  return { activityId: inserted.id, activityCount: inserted.count, value };
}
