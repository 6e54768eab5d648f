import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isStateCode } from "@/lib/geo/us-states";
import { computePriorityScore } from "@/lib/leads/compute-priority-score";
import { emptyToUndefined, zId, ZMoney, zOptionalText, zRequiredText } from "@/lib/leads/lead-input";
import { LEAD_SNAPSHOT_SELECT, toLeadSnapshot, type TLeadSnapshot } from "@/lib/leads/lead-snapshot";
import { leadTransaction } from "@/lib/leads/lead-transaction";
import { assertStep, type TRuleLead } from "@/lib/leads/lead-rules";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { publishLeadChange } from "@/lib/live/publish-lead-change";
import { command } from "@/lib/command";
import { scheduleLeadSla } from "@/lib/sla/schedule-lead-sla";

const ZState = z.preprocess(
  (v) => (typeof emptyToUndefined(v) === "string" ? String(v).trim().toUpperCase() : emptyToUndefined(v)),
  z.string().refine(isStateCode, "Unknown state").optional(),
);

export const ZCreateManualLead = z.object({
  company_id: zId("company_id"),
  estimated_value: z.preprocess(emptyToUndefined, ZMoney.optional()),
  description: zRequiredText(2000, "The description", "Say what the company asked for"),
  origin_city: zOptionalText(80, "The origin city"),
  origin_state: ZState,
  destination_city: zOptionalText(80, "The destination city"),
  destination_state: ZState,
  miles: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: "Miles must be a number" }).int().min(1).max(10_000).optional(),
  ),
  assign_to_me: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).optional(),
});
export type TCreateManualLead = z.input<typeof ZCreateManualLead>;

// Every lead is born in the pool; "assign to me" is then a claim of that pool lead.
const NEW_LEAD: TRuleLead = { status: "pending", assignedAdminId: null };

/**
 * A lead entered by hand (a phone inquiry, a walk-in), source `manual`. The route, when given,
 * is stored in the same shape the load planner sends, so the lead page and the state filter
 * treat it like any other.
 */
export const createManualLead = command(
  { input: ZCreateManualLead, may: "lead.create" },
  async (actor, d): Promise<TLeadSnapshot> => {
    const created = await leadTransaction(async (tx) => {
      const company = await tx.company.findUnique({
        where: { id: d.company_id },
        select: { id: true, state: true },
      });
      if (!company) throw new AppError("NOT_FOUND", "Company not found");
      const origin = d.origin_state ? { city: d.origin_city ?? null, state: d.origin_state } : null;
      const destination = d.destination_state
        ? { city: d.destination_city ?? null, state: d.destination_state }
        : null;
      const routeStates = [origin?.state, destination?.state].filter((s): s is string => !!s);
      const states = [...new Set([...routeStates, ...(company.state ? [company.state] : [])])];
      const leadData: Prisma.InputJsonObject = {
        note: d.description,
        ...(origin || destination
          ? { route: { origin, destination, states: routeStates, miles: d.miles ?? null } }
          : {}),
      };
      const value = d.estimated_value ?? "0";
      const now = new Date();
      const claimedStatus = d.assign_to_me ? assertStep(actor, "claim", NEW_LEAD) : null;
      const lead = await tx.salesLead.create({
        data: {
          companyId: company.id,
          leadSource: "manual",
          leadData,
          estimatedValue: value,
          states,
          priorityScore: computePriorityScore({
            leadSource: "manual",
            estimatedValue: Number(value),
            activityCount: 1,
          }),
          ...(claimedStatus ? { status: claimedStatus, assignedAdminId: actor.id, assignedAt: now } : {}),
        },
        select: LEAD_SNAPSHOT_SELECT,
      });
      await recordLeadEvent(tx, {
        leadId: lead.id,
        actorId: actor.id,
        type: "created",
        toStatus: NEW_LEAD.status,
        data: { source: "manual" },
      });
      if (claimedStatus)
        await recordLeadEvent(tx, {
          leadId: lead.id,
          actorId: actor.id,
          type: "claimed",
          fromStatus: NEW_LEAD.status,
          toStatus: claimedStatus,
        });
      await publishLeadChange(tx, "lead.created", lead, { actorId: actor.id });
      return toLeadSnapshot(lead);
    });
    // A lead left in the pool starts its speed-to-lead timers (after the commit: they are jobs).
    if (created.status === "pending") await scheduleLeadSla({ id: created.id, createdAt: new Date(created.created_at) });
    return created;
  },
);
