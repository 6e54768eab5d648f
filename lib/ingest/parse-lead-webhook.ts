import { parseInput } from "@/lib/command";
import { parseJsonObject } from "@/lib/http/read-body";
import { ZLeadWebhookEvent, type TLeadWebhookEvent } from "@/lib/ingest/lead-webhook-schema";

/** JSON (malformed or too deep: 400), then the per-type schema: 400 naming every bad path. Called only on a verified body. */
export function parseLeadWebhook(rawBody: string): TLeadWebhookEvent {
  return parseInput(ZLeadWebhookEvent, parseJsonObject(rawBody));
}
