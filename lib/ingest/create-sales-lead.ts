import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { validationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { consolidateLead } from "@/lib/ingest/consolidate-lead";
import { convertLeadByEvent } from "@/lib/ingest/convert-lead-by-event";
import { estimateLeadValue } from "@/lib/ingest/estimate-lead-value";
import type { TIngestContext, TIngestOutcome } from "@/lib/ingest/ingest-context";
import {
  ZLeadCompany,
  ZLoadPlanData,
  ZLocationShareData,
  ZOrderAttemptData,
  ZOrderPlacedData,
  ZQuoteData,
  ZRegistrationData,
} from "@/lib/ingest/lead-webhook-schema";
import { replayWebhookReceipt } from "@/lib/ingest/replay-webhook-receipt";
import { saveWebhookReceipt } from "@/lib/ingest/save-webhook-receipt";
import { upsertCompany } from "@/lib/ingest/upsert-company";

// The in-process entry (the seed's create_sales_lead): the webhook route calls it, and so can a
// host application that lives in the same process. One transaction: company, lead, activity,
// lead event and, for webhooks, the idempotency receipt commit together or not at all.

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
  /** With a webhook: the id and the body's SHA-256, for idempotency and the activity row. */
  webhookId?: string;
  bodySha256?: string;
  /** What the activity stores (the whole event, unknown fields included); defaults to the input. */
  payload?: Prisma.InputJsonObject;
};

export type TCreateSalesLeadResult = TIngestOutcome & { replayed: boolean };

class ReplayDetected extends Error {}

export async function createSalesLead(input: TCreateSalesLead, options: TCreateSalesLeadOptions = {}): Promise<TCreateSalesLeadResult> {
  const parsed = ZCreateSalesLead.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const i = parsed.data;
  const now = new Date();
  // A sender's clock ahead of ours must not place activity in the future.
  const occurredAt = i.occurredAt && i.occurredAt < now ? i.occurredAt : now;
  const webhookId = options.webhookId ?? null;
  const data = i.leadData as Record<string, unknown>;
  const payload =
    options.payload ??
    ({
      type: i.source,
      occurred_at: occurredAt.toISOString(),
      company: i.company,
      data,
      ...(i.estimatedValue !== undefined ? { estimated_value: i.estimatedValue } : {}),
    } as Prisma.InputJsonObject);

  try {
    return await db.$transaction(
      async (tx) => {
        const company = await upsertCompany(tx, i.company);
        // Every event of one company passes here one at a time, so two can never both create a lead.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sales_leads.company'), ${company.id}::int)`;
        const ctx: TIngestContext = {
          tx,
          companyId: company.id,
          companyState: company.state,
          source: i.source,
          data,
          value: await estimateLeadValue(tx, i.source, data, i.estimatedValue),
          occurredAt,
          webhookId,
          payload,
        };
        const outcome =
          i.source === "order_placed" || i.source === "registration"
            ? await convertLeadByEvent(ctx, i.source)
            : await consolidateLead(ctx, i.source);
        if (webhookId && options.bodySha256) {
          const response = { lead_id: outcome.leadId, consolidated: outcome.consolidated, status: outcome.status };
          const fresh = await saveWebhookReceipt(tx, { webhookId, bodySha256: options.bodySha256, statusCode: 202, response });
          if (!fresh) throw new ReplayDetected();
        }
        return { ...outcome, replayed: false };
      },
      // Under a burst, transactions queue for a pooled connection and for the company's lock.
      { maxWait: 20_000, timeout: 30_000 },
    );
  } catch (err) {
    if (!(err instanceof ReplayDetected)) throw err;
    const first = await replayWebhookReceipt(webhookId!, options.bodySha256!);
    const r = first.response as { lead_id: number; consolidated: boolean; status: string };
    return { leadId: r.lead_id, consolidated: r.consolidated, status: r.status, replayed: true };
  }
}
