import { NextResponse } from "next/server";
import { applyTwilioStatus } from "@/lib/sms/apply-twilio-status";
import { twilioWebhookRoute } from "@/lib/sms/twilio-webhook-route";

// Twilio's message status callback (delivered, undelivered, failed).
export const POST = twilioWebhookRoute(async (params) => NextResponse.json(await applyTwilioStatus(params)));
