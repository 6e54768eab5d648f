import "server-only";
import { toCompanySummary, toContactSummaries, type TCompanySummary, type TContactSummary } from "@/lib/companies/company-summary";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZLeadId } from "@/lib/leads/lead-input";
import { coveredHolderId, stepBlockedReason, type TLeadStep, type TRuleLead } from "@/lib/leads/lead-rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { runningAwaySql } from "@/lib/away/away-sql";
import type { TActionOutcome, TConversionType, TLeadSource, TLeadStatus } from "@/lib/leads/lead-vocabulary";
import { command } from "@/lib/command";
import { COMPANY_SETTINGS_JSON_SQL, toCompanySettings } from "@/lib/kernel/company-settings";
import { leadGates } from "@/lib/requests/request-gates";
import type { THaulEstimate } from "@/lib/haul/estimate-haul";

export const ZGetLeadDetail = z.object({ lead_id: ZLeadId });
export type TGetLeadDetail = z.input<typeof ZGetLeadDetail>;

export type TLeadPermissions = {
  claim: boolean;
  assign: boolean;
  release: boolean;
  /** add a sales action */
  act: boolean;
  convert: boolean;
  markLost: boolean;
  reopen: boolean;
  /** send an email from the lead page (the email panel's own function checks again) */
  email: boolean;
  /** move the planned follow-up later */
  snooze: boolean;
  /** enrol the lead in a sequence (lib/sequences/) */
  enrol: boolean;
};

export type TLeadDetail = {
  id: number;
  status: TLeadStatus;
  leadSource: TLeadSource;
  leadData: Record<string, unknown>;
  estimatedValue: number;
  /** The haul estimate of the lead's largest load (null: no load on this lead). */
  haul: THaulEstimate | null;
  priorityScore: number;
  states: string[];
  assignedAt: string | null;
  nextFollowUpAt: string | null;
  /** false: the follow-up is a day ("any time that day"). */
  nextFollowUpHasTime: boolean;
  lastContactAt: string | null;
  lastCallOutcome: TActionOutcome | null;
  lostReason: string | null;
  closedAt: string | null;
  createdAt: string;
  assignee: { id: number; name: string; email: string; phone: string | null } | null;
  company: TCompanySummary;
  contacts: TContactSummary[];
  /**
   * The viewer covers for the away holder now (lib/away/): they may call, log and snooze here as
   * the holder's cover until `until`; null otherwise (also after the period ends).
   */
  coveringFor: { id: number; name: string; until: string } | null;
  conversion: {
    value: number;
    type: TConversionType;
    orderId: string | null;
    notes: string | null;
    adminName: string | null;
    createdAt: string;
  } | null;
  may: TLeadPermissions;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The statement's one row: money as float8; timestamps inside JSON as ISO text (to_json's form). */
type TDetailRow = {
  id: number;
  status: TLeadStatus;
  lead_source: TLeadSource;
  lead_data: Record<string, unknown> | null;
  estimated_value: number;
  haul: THaulEstimate | null;
  priority_score: number;
  states: string[];
  assigned_admin_id: number | null;
  assigned_at: Date | null;
  next_follow_up_at: Date | null;
  next_follow_up_has_time: boolean;
  last_contact_at: Date | null;
  last_call_outcome: TActionOutcome | null;
  lost_reason: string | null;
  closed_at: Date | null;
  created_at: Date;
  // Built in SQL in the page's own shapes (json_build_object with these keys).
  assignee: TLeadDetail["assignee"];
  company: TCompanySummary;
  contacts: TContactSummary[];
  conversion: TLeadDetail["conversion"];
  covers: { cover_user_id: number; ends_at: string }[];
  settings: Record<string, unknown>;
};

// One statement for the lead page's first paint (issue #19): the lead, its company and contacts,
// its holder, its conversion, the holder's running away periods and the company settings the
// buttons depend on. Six Prisma queries each paid a round trip on a busy server; one row does not.
// Timestamps inside JSON leave as to_json's ISO text and are normalised to toISOString() below.
const detailSql = (leadId: number) => Prisma.sql`
  SELECT l.id, l.status::text AS status, l.lead_source::text AS lead_source, l.lead_data,
         l.estimated_value::float8 AS estimated_value, l.haul, l.priority_score, l.states, l.assigned_admin_id,
         l.assigned_at, l.next_follow_up_at, l.next_follow_up_has_time,
         l.last_contact_at, l.last_call_outcome::text AS last_call_outcome, l.lost_reason,
         l.closed_at, l.created_at,
         (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email, 'phone', u.phone)
            FROM users u WHERE u.id = l.assigned_admin_id) AS assignee,
         json_build_object('id', c.id, 'name', c.name, 'email', c.email, 'phone', c.phone, 'usdot', c.usdot,
                           'mcNumber', c.mc_number, 'city', c.city, 'state', c.state) AS company,
         coalesce((SELECT json_agg(json_build_object('id', k.id, 'name', k.name, 'title', k.title, 'email', k.email, 'phone', k.phone)
                                   ORDER BY k.name, k.id)
                     FROM contacts k WHERE k.company_id = c.id), '[]'::json) AS contacts,
         (SELECT json_build_object('value', v.conversion_value::float8, 'type', v.conversion_type, 'orderId', v.order_id,
                                   'notes', v.notes, 'adminName', a.name, 'createdAt', v.created_at)
            FROM sales_conversions v LEFT JOIN users a ON a.id = v.admin_id WHERE v.lead_id = l.id) AS conversion,
         coalesce((SELECT json_agg(json_build_object('cover_user_id', r.cover_user_id, 'ends_at', r.ends_at))
                     FROM (${runningAwaySql(Prisma.sql`l.assigned_admin_id`)}) r), '[]'::json) AS covers,
         ${COMPANY_SETTINGS_JSON_SQL} AS settings
    FROM sales_leads l JOIN companies c ON c.id = l.company_id
   WHERE l.id = ${leadId}`;

/** The lead page's data, with what the viewer may do to it (the domain functions check again). */
export const getLeadDetail = command({ input: ZGetLeadDetail, may: "lead.read" }, async (actor, data): Promise<TLeadDetail> => {
  const [lead] = await db.$queryRaw<TDetailRow[]>(detailSql(data.lead_id));
  if (!lead) throw new AppError("NOT_FOUND", "Lead not found");

  // The approval switches (issue #21) decide whether "Mark lost" is open to a rep on this lead;
  // the holder's running away periods whether the viewer works it as their cover (as lockLead reads).
  const settings = toCompanySettings(lead.settings);
  const rule: TRuleLead = {
    status: lead.status,
    assignedAdminId: lead.assigned_admin_id,
    gates: leadGates(settings, lead.estimated_value),
    coverIds: lead.covers.map((c) => c.cover_user_id),
  };
  const may = (step: TLeadStep) => stepBlockedReason(actor, step, rule) === null;
  const covering = coveredHolderId(actor, rule) !== null ? lead.covers.find((c) => c.cover_user_id === actor.id) : undefined;
  return {
    id: lead.id,
    status: lead.status,
    leadSource: lead.lead_source,
    leadData: lead.lead_data ?? {},
    estimatedValue: lead.estimated_value,
    haul: lead.haul ?? null,
    priorityScore: lead.priority_score,
    states: lead.states,
    assignedAt: iso(lead.assigned_at),
    nextFollowUpAt: iso(lead.next_follow_up_at),
    nextFollowUpHasTime: lead.next_follow_up_has_time,
    lastContactAt: iso(lead.last_contact_at),
    lastCallOutcome: lead.last_call_outcome,
    lostReason: lead.lost_reason,
    closedAt: iso(lead.closed_at),
    createdAt: lead.created_at.toISOString(),
    assignee: lead.assignee,
    company: toCompanySummary(lead.company),
    contacts: toContactSummaries(lead.contacts),
    coveringFor:
      covering && lead.assignee ? { id: lead.assignee.id, name: lead.assignee.name, until: new Date(covering.ends_at).toISOString() } : null,
    conversion: lead.conversion ? { ...lead.conversion, createdAt: new Date(lead.conversion.createdAt).toISOString() } : null,
    may: {
      claim: may("claim"),
      assign: may("assign"),
      release: may("release"),
      act: may("action"),
      convert: may("convert"),
      markLost: may("lose"),
      reopen: may("reopen"),
      email: may("email"),
      snooze: may("snooze") && lead.next_follow_up_at !== null,
      enrol: may("enrol"),
    },
  };
});
