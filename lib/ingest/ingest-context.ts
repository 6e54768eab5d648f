import type { Prisma } from "@/lib/generated/prisma/client";

/** What one incoming event contributes to a lead, resolved before the lead is chosen. */
export type TIngestContext = {
  tx: Prisma.TransactionClient;
  companyId: number;
  companyState: string | null;
  source: string;
  data: Record<string, unknown>;
  value: number;
  occurredAt: Date;
  webhookId: string | null;
  payload: Prisma.InputJsonObject;
};

/** A lead's answer to the sender: which lead, whether the event joined one, its status now. */
export type TIngestOutcome = { leadId: number; consolidated: boolean; status: string };

export type TLeadSource = "load_plan" | "quote" | "location_share" | "order_attempt" | "import" | "manual";
