import "server-only";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { appendLeadActivity, LEAD_FOR_ACTIVITY_SELECT } from "@/lib/ingest/append-lead-activity";
import { createLeadWithActivity } from "@/lib/ingest/create-lead-with-activity";
import type { TIngestContext, TIngestOutcome, TLeadSource } from "@/lib/ingest/ingest-context";

export const DEFAULT_CONSOLIDATION_MINUTES = 60;

export function consolidationMinutes(): number {
  const n = Number(process.env.LEAD_CONSOLIDATION_MINUTES);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_CONSOLIDATION_MINUTES;
}

/**
 * A free-tool event joins the company's open (`pending`/`assigned`) lead created within
 * LEAD_CONSOLIDATION_MINUTES of the event, or starts a new `pending` lead. The caller holds the
 * company's advisory lock, so the look-up and the insert cannot interleave with a sibling event.
 */
export async function consolidateLead(ctx: TIngestContext, leadSource: TLeadSource): Promise<TIngestOutcome> {
  const since = new Date(ctx.occurredAt.getTime() - consolidationMinutes() * 60_000);
  const open = await ctx.tx.salesLead.findFirst({
    where: { companyId: ctx.companyId, status: { in: ["pending", "assigned"] }, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: LEAD_FOR_ACTIVITY_SELECT,
  });
  if (!open) {
    const lead = await createLeadWithActivity(ctx, leadSource);
    return { leadId: lead.id, consolidated: false, status: lead.status };
  }
  const { activityId } = await appendLeadActivity(ctx, open);
  await recordLeadEvent(ctx.tx, {
    leadId: open.id,
    type: "activity",
    data: { source: ctx.source, webhook_id: ctx.webhookId, activity_id: activityId },
  });
  return { leadId: open.id, consolidated: true, status: open.status };
}
