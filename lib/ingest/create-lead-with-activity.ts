import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { computePriorityScore } from "@/lib/leads/compute-priority-score";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { collectLeadStates } from "@/lib/ingest/collect-lead-states";
import { mergeLeadData } from "@/lib/ingest/merge-lead-data";
import type { TIngestContext, TLeadSource } from "@/lib/ingest/ingest-context";

/** A new `pending` lead born of one event, with its first activity and its "created" event. */
export async function createLeadWithActivity(ctx: TIngestContext, leadSource: TLeadSource) {
  const leadData = mergeLeadData(null, {
    type: ctx.source,
    occurred_at: ctx.occurredAt.toISOString(),
    webhook_id: ctx.webhookId,
    data: ctx.data,
  });
  const lead = await ctx.tx.salesLead.create({
    data: {
      companyId: ctx.companyId,
      leadSource,
      leadData: leadData as Prisma.InputJsonObject,
      estimatedValue: ctx.value.toFixed(2),
      status: "pending",
      states: collectLeadStates([], ctx.data, ctx.companyState),
      priorityScore: computePriorityScore({ leadSource, estimatedValue: ctx.value, activityCount: 1 }),
      lastActivityAt: ctx.occurredAt,
      activities: { create: { source: ctx.source, payload: ctx.payload, webhookId: ctx.webhookId, occurredAt: ctx.occurredAt } },
    },
    select: { id: true, status: true, assignedAdminId: true },
  });
  await recordLeadEvent(ctx.tx, {
    leadId: lead.id,
    type: "created",
    toStatus: "pending",
    data: { source: ctx.source, webhook_id: ctx.webhookId },
  });
  return lead;
}
