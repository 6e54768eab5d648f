import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import type { TLeadSource } from "@/lib/leads/lead-vocabulary";
import type { TSlaState } from "@/lib/sla/waiting-age";

export const ZListWaitingLeads = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });


export type TWaitingLead = {
  id: number;
  companyName: string;
  leadSource: TLeadSource;
  states: string[];
  createdAt: string;
  sla: TSlaState;
};

export type TWaitingLeads = {
  rows: TWaitingLead[];
  total: number;
  /** The timers' minutes, so the screen can show a state as it falls due between two reads. */
  alertMinutes: number;
  escalateMinutes: number;
  /** When this was read: the live age starts from here until the browser's clock takes over. */
  asOf: string;
};

/**
 * The pool's longest-waiting leads, oldest first, with what the speed-to-lead timers did about
 * each. Every rep may read every lead (DESIGN §4), so everyone sees the same list.
 */
export const listWaitingLeads = command({ input: ZListWaitingLeads, may: "lead.read" }, async (_actor, { limit }): Promise<TWaitingLeads> => {
  const [{ slaTimers }, rows, total] = await Promise.all([
    getCompanySettings(),
    db.$queryRaw<{ id: number; company_name: string; lead_source: TLeadSource; states: string[]; created_at: Date; alerted: boolean; escalated: boolean }[]>`
      SELECT l.id, c.name AS company_name, l.lead_source::text AS lead_source, l.states, l.created_at,
             EXISTS (SELECT 1 FROM sla_events e WHERE e.lead_id = l.id AND e.kind = 'alert') AS alerted,
             EXISTS (SELECT 1 FROM sla_events e WHERE e.lead_id = l.id AND e.kind = 'escalation') AS escalated
      FROM sales_leads l JOIN companies c ON c.id = l.company_id
      WHERE l.status = 'pending'
      ORDER BY l.created_at, l.id
      LIMIT ${limit}`,
    db.salesLead.count({ where: { status: "pending" } }),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      companyName: r.company_name,
      leadSource: r.lead_source,
      states: r.states,
      createdAt: r.created_at.toISOString(),
      sla: r.escalated ? "escalated" : r.alerted ? "alerted" : "ok",
    })),
    total,
    alertMinutes: slaTimers.alertMinutes,
    escalateMinutes: slaTimers.escalateMinutes,
    asOf: new Date().toISOString(),
  };
});
