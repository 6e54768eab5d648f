import "server-only";
import { z } from "zod";
import { dbPool } from "@/lib/db";
import { parseInput } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { collectLeadStates } from "@/lib/ingest/collect-lead-states";
import { estimateLeadValue } from "@/lib/ingest/estimate-lead-value";
import { submitLeadEvent } from "@/lib/ingest/submit-lead-event";
import { toE164 } from "@/lib/kernel/phone";
import { estimateHaul } from "@/lib/haul/estimate-haul";
import { haulInputFromLeadData } from "@/lib/haul/haul-input-from-lead-data";
import { loadHaulPricing } from "@/lib/haul/load-haul-pricing";
import { autoAssignNewLead } from "@/lib/territories/auto-assign-new-lead";
import { scheduleLeadSla } from "@/lib/sla/schedule-lead-sla";
import { endConvertedLeadHolding } from "@/lib/ingest/end-converted-lead-holding";
import {
  ZLeadCompany,
  ZLoadPlanData,
  ZLocationShareData,
  ZOrderAttemptData,
  ZOrderPlacedData,
  ZQuoteData,
  ZRegistrationData,
} from "@/lib/ingest/lead-webhook-schema";

// The in-process entry (the seed's create_sales_lead): the webhook route calls it, and so can a
// host application in the same process. What needs no database is computed here; the locked part
// (company identity, consolidation or conversion, activity, lead events, idempotency receipt) is
// ingest_lead_event() (prisma/migrations/20261123190000_ingest_lead_event, revised in
// 20261202070000_ingest_indexed_lookups), run in batches of the events that arrive together
// (lib/ingest/submit-lead-event.ts), which keeps a valid event close to the cost of a refused one
// (npm run bench -- ingest).

export const DEFAULT_CONSOLIDATION_MINUTES = 60;
// lead_data.history keeps this many recent events; lead_activities keeps them all.
export const LEAD_DATA_HISTORY_LIMIT = 25;
// An event still waiting for the database after this long is answered 503 (the sender retries):
// about the pool's wait for a connection, and well inside a webhook sender's timeout.
export const LEAD_EVENT_MAX_WAIT_MS = 10_000;

function consolidationMinutes(): number {
  const n = Number(process.env.LEAD_CONSOLIDATION_MINUTES);
  return process.env.LEAD_CONSOLIDATION_MINUTES && Number.isInteger(n) && n >= 0 && n <= 525_600 ? n : DEFAULT_CONSOLIDATION_MINUTES;
}

const common = {
  company: ZLeadCompany,
  estimatedValue: z.number().nonnegative().max(9_999_999_999).optional(),
  occurredAt: z.coerce.date().optional(),
};
export const ZCreateSalesLead = z.discriminatedUnion("source", [
  z.object({ source: z.literal("load_plan"), leadData: ZLoadPlanData, ...common }),
  z.object({ source: z.literal("quote"), leadData: ZQuoteData, ...common }),
  z.object({ source: z.literal("location_share"), leadData: ZLocationShareData, ...common }),
  z.object({ source: z.literal("order_attempt"), leadData: ZOrderAttemptData, ...common }),
  z.object({ source: z.literal("order_placed"), leadData: ZOrderPlacedData, ...common }),
  z.object({ source: z.literal("registration"), leadData: ZRegistrationData.default({}), ...common }),
  z.object({ source: z.enum(["import", "manual"]), leadData: z.looseObject({}).default({}), ...common }),
]);
export type TCreateSalesLead = z.input<typeof ZCreateSalesLead>;

export type TCreateSalesLeadOptions = {
  /** With a webhook: its id (idempotency key, kept on the activity) and the body's SHA-256. */
  webhookId?: string;
  bodySha256?: string;
  /** The whole event as received, so its unknown fields are stored with the activity too. */
  payload?: Record<string, unknown>;
};

export type TCreateSalesLeadResult = { leadId: number; consolidated: boolean; status: string; replayed: boolean };

export async function createSalesLead(input: TCreateSalesLead, options: TCreateSalesLeadOptions = {}): Promise<TCreateSalesLeadResult> {
  const i = parseInput(ZCreateSalesLead, input);
  const now = new Date();
  // A sender's clock ahead of ours must not place activity in the future.
  const occurredAt = i.occurredAt && i.occurredAt < now ? i.occurredAt : now;
  const webhookId = options.webhookId ?? null;
  const bodySha256 = webhookId ? (options.bodySha256 ?? null) : null;
  if (webhookId && !bodySha256) throw new AppError("BAD_REQUEST", "An idempotent call needs the body's SHA-256");
  const data = i.leadData as Record<string, unknown>;
  // The stored payload carries the validated company and data, which the function reads from it
  // (sent once: the body's size is most of the statement's cost).
  const payload = {
    type: i.source,
    occurred_at: occurredAt.toISOString(),
    ...(i.estimatedValue !== undefined ? { estimated_value: i.estimatedValue } : {}),
    ...options.payload,
    // phone_e164: the phone as libphonenumber reads it, which ingest_upsert_company() stores as
    // companies.phone_norm (PostgreSQL has no phone rules of its own).
    company: { ...i.company, phone_e164: toE164(i.company.phone) },
    data,
  };

  // A load on a route is priced by the escort rules of its states (issue 16).
  const haulInput = haulInputFromLeadData(data);
  const haul = haulInput ? estimateHaul(haulInput, await loadHaulPricing()) : null;

  // Straight on the pool, batched with the events that arrive meanwhile (submitLeadEvent).
  const row = await submitLeadEvent(
    dbPool(),
    {
      webhook_id: webhookId,
      body_sha256: bodySha256,
      source: i.source,
      payload,
      occurred_at: occurredAt.toISOString(),
      value: estimateLeadValue(i.source, data, haul),
      stated_value: i.estimatedValue ?? null,
      states: collectLeadStates([], data, i.company.state),
      haul,
    },
    { windowMinutes: consolidationMinutes(), historyLimit: LEAD_DATA_HISTORY_LIMIT, maxWaitMs: LEAD_EVENT_MAX_WAIT_MS },
  );
  if (row.replay_sha256 !== null && row.replay_sha256 !== bodySha256) {
    throw new AppError("CONFLICT", "This webhook-id was already used with a different body");
  }
  // A brand-new pending lead may go straight to a rep (the manager's auto_assign setting). The
  // answer keeps the status at ingestion, so a replay of this webhook answers exactly the same.
  if (!row.consolidated && row.replay_sha256 === null && row.status === "pending") {
    const assigned = row.auto_assign?.enabled === true ? await autoAssignNewLead(row.lead_id) : null;
    // Still in the pool: its speed-to-lead timers start (jobs, queued once the lead is committed).
    if (!assigned) await scheduleLeadSla({ id: row.lead_id, createdAt: now });
  }
  // An order or registration converted the lead in SQL: its sequence and open request end as with
  // convertLead (a replay runs it again, which finishes what a failed first run left).
  if (row.status === "converted") await endConvertedLeadHolding(row.lead_id);
  return { leadId: row.lead_id, consolidated: row.consolidated, status: row.status, replayed: row.replay_sha256 !== null };
}
