import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { appendLeadActivity, LEAD_FOR_ACTIVITY_SELECT } from "@/lib/ingest/append-lead-activity";
import { createLeadWithActivity } from "@/lib/ingest/create-lead-with-activity";
import type { TIngestContext, TIngestOutcome } from "@/lib/ingest/ingest-context";

type TConversionType = "order_placed" | "registration";

/**
 * `order_placed` and `registration` convert the company's open lead (pending, assigned or
 * in progress, however old: a rep may have worked it for days). Without one, a converted lead is
 * created so the revenue is never lost. When the same order (or a registration) was already
 * converted, the event is recorded on that lead and the conversion is not repeated.
 */
export async function convertLeadByEvent(ctx: TIngestContext, conversionType: TConversionType): Promise<TIngestOutcome> {
  const orderId = conversionType === "order_placed" ? String(ctx.data.order_id) : null;
  const already = await ctx.tx.salesConversion.findFirst({
    where: { lead: { companyId: ctx.companyId }, ...(orderId ? { orderId } : { conversionType }) },
    select: { lead: { select: LEAD_FOR_ACTIVITY_SELECT } },
  });
  if (already) {
    const { activityId } = await appendLeadActivity(ctx, already.lead);
    await recordLeadEvent(ctx.tx, {
      leadId: already.lead.id,
      type: "activity",
      data: { source: ctx.source, webhook_id: ctx.webhookId, activity_id: activityId, already_converted: true },
    });
    return { leadId: already.lead.id, consolidated: true, status: already.lead.status };
  }

  const open = await ctx.tx.salesLead.findFirst({
    where: { companyId: ctx.companyId, status: { in: ["pending", "assigned", "in_progress"] } },
    orderBy: { createdAt: "desc" },
    select: LEAD_FOR_ACTIVITY_SELECT,
  });
  const closedAt = new Date();
  // The order's own total is the revenue; a registration is worth what the sender says it is.
  const value = conversionType === "order_placed" ? Number(ctx.data.total) : ctx.value;
  let lead: { id: number; status: string; assignedAdminId: number | null };
  if (open) {
    await appendLeadActivity(ctx, open, { status: "converted", closedAt, nextFollowUpAt: null });
    lead = open;
  } else {
    // An order or a registration we never saw coming: an order reads as an order attempt, a
    // registration as a manual lead (the enum has no source for them).
    lead = await createLeadWithActivity(ctx, conversionType === "order_placed" ? "order_attempt" : "manual");
    await ctx.tx.salesLead.update({ where: { id: lead.id }, data: { status: "converted", closedAt } });
  }
  const conversion: Prisma.SalesConversionUncheckedCreateInput = {
    leadId: lead.id,
    orderId,
    conversionValue: value.toFixed(2),
    conversionType,
    adminId: lead.assignedAdminId,
    notes: `Converted by a ${conversionType} event`,
  };
  await ctx.tx.salesConversion.create({ data: conversion });
  await recordLeadEvent(ctx.tx, {
    leadId: lead.id,
    type: "converted",
    fromStatus: lead.status as "pending" | "assigned" | "in_progress",
    toStatus: "converted",
    data: { conversion_type: conversionType, conversion_value: value, order_id: orderId, webhook_id: ctx.webhookId },
  });
  return { leadId: lead.id, consolidated: !!open, status: "converted" };
}
