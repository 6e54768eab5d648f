import { recordInboundText } from "@/lib/sms/record-inbound-text";
import { emptyTwiml, twilioWebhookRoute } from "@/lib/sms/twilio-webhook-route";

// A text a lead sent to our Twilio number (a reply, STOP, START).
export const POST = twilioWebhookRoute(async (params) => {
  await recordInboundText(params);
  return emptyTwiml();
});
