import { parseInput } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { ZLeadWebhookEvent, type TLeadWebhookEvent } from "@/lib/ingest/lead-webhook-schema";

/** JSON, then the per-type schema: 400 naming every bad path. Called only on a verified body. */
export function parseLeadWebhook(rawBody: string): TLeadWebhookEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON", [{ path: "", message: "Invalid JSON" }]);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new AppError("BAD_REQUEST", "The body must be a JSON object", [{ path: "", message: "Expected an object" }]);
  }
  return parseInput(ZLeadWebhookEvent, json);
}
