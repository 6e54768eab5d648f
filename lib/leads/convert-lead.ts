import "server-only";
import { z } from "zod";
import { emptyToUndefined, ZLeadId, zOptionalText, ZPositiveMoney } from "@/lib/leads/lead-input";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { leadTransaction, lockLead } from "@/lib/leads/lead-transaction";
import { assertStep } from "@/lib/leads/lead-rules";
import { CONVERSION_TYPES } from "@/lib/leads/lead-vocabulary";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLeadChange } from "@/lib/live/publish-lead-change";
import { command } from "@/lib/command";
import { endLeadHolding } from "@/lib/leads/end-lead-holding";

export const ZConvertLead = z.object({
  lead_id: ZLeadId,
  conversion_value: ZPositiveMoney,
  conversion_type: z.preprocess(
    emptyToUndefined,
    z.enum(CONVERSION_TYPES, { error: "Choose a known conversion type" }).default("manual_mark"),
  ),
  order_id: zOptionalText(100, "The order id"),
  notes: zOptionalText(5000, "Notes"),
});
export type TConvertLead = z.input<typeof ZConvertLead>;

/**
 * Records the sale: the lead's one sales_conversions row and its final `converted` status.
 * The conversion counts for whoever held the lead at that moment; a manager converting an
 * unassigned lead holds it from then on, so their conversion rate keeps a denominator.
 */
export const convertLead = command(ZConvertLead, async (actor, data): Promise<TLeadSnapshot> => {
  const { lead_id: leadId, conversion_value, conversion_type, order_id, notes } = data;

  return leadTransaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    const toStatus = assertStep(actor, "convert", lead);
    const adminId = lead.assignedAdminId ?? actor.id;
    const now = new Date();

    const conversion = await tx.salesConversion.create({
      data: {
        leadId,
        conversionValue: conversion_value,
        conversionType: conversion_type,
        orderId: order_id ?? null,
        notes: notes ?? null,
        adminId,
        createdAt: now,
      },
      select: { id: true },
    });
    const updated = await tx.salesLead.update({
      where: { id: leadId },
      data: {
        status: toStatus,
        closedAt: now,
        nextFollowUpAt: null,
        ...(lead.assignedAdminId === null ? { assignedAdminId: actor.id, assignedAt: now } : {}),
      },
      select: LEAD_SNAPSHOT_SELECT,
    });
    await recordLeadEvent(tx, {
      leadId,
      actorId: actor.id,
      type: "converted",
      fromStatus: lead.status,
      toStatus,
      data: {
        conversion_id: conversion.id,
        value: conversion_value,
        conversion_type,
        order_id: order_id ?? null,
        admin_id: adminId,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "lead.converted",
      target: { type: "lead", id: leadId },
      before: { status: lead.status, assigned_admin_id: lead.assignedAdminId },
      after: { status: toStatus, assigned_admin_id: adminId, conversion_id: conversion.id, value: conversion_value, conversion_type, order_id: order_id ?? null },
    });
    // A converted lead needs no more sequence steps, and its open request nothing more to decide.
    await endLeadHolding(tx, leadId, "converted", actor);
    await publishLeadChange(tx, "lead.converted", updated, { actorId: actor.id });
    return toLeadSnapshot(updated);
  });
});
