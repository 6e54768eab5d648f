// Text (SMS) settings from the environment, read on every use (not at import) so a deployment, or
// a test, can change them without a rebuild. Without an account SID, an auth token and a sender
// (a from number or a messaging service) the app is in outbox mode: texts are stored and shown,
// nothing leaves — as email without SENDGRID_API_KEY.
import { toE164 } from "@/lib/kernel/phone";

export type TSmsConfig = {
  outbox: boolean;
  accountSid: string | null;
  authToken: string | null;
  /** E.164 sender number, or null when a messaging service picks the sender. */
  from: string | null;
  messagingServiceSid: string | null;
  /** Twilio's REST base; a test points the real client at a local server speaking the same API. */
  apiBaseUrl: string;
  /**
   * The public origin Twilio calls back (https://crm.example.com): status callbacks are asked for
   * at it, and webhook signatures are checked against it, since behind a proxy the URL the app
   * sees is not the URL Twilio signed. Null: the request's own URL (direct exposure only).
   */
  webhookBaseUrl: string | null;
  maxAttempts: number;
  retryDelayMs: number;
  timeoutMs: number;
};

export const TWILIO_API_BASE = "https://api.twilio.com";

const num = (v: string | undefined, fallback: number, min: number) => {
  const n = Number(v);
  return v !== undefined && v !== "" && Number.isFinite(n) && n >= min ? n : fallback;
};

const origin = (v: string | undefined): string | null => {
  if (!v?.trim()) return null;
  try {
    const u = new URL(v.trim());
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
};

export function smsConfig(env: NodeJS.ProcessEnv = process.env): TSmsConfig {
  const accountSid = env.TWILIO_ACCOUNT_SID?.trim() || null;
  const authToken = env.TWILIO_AUTH_TOKEN?.trim() || null;
  const from = toE164(env.TWILIO_FROM_NUMBER);
  const messagingServiceSid = env.TWILIO_MESSAGING_SERVICE_SID?.trim() || null;
  return {
    outbox: !accountSid || !authToken || (!from && !messagingServiceSid),
    accountSid,
    authToken,
    from,
    messagingServiceSid,
    apiBaseUrl: origin(env.TWILIO_API_BASE_URL) ?? TWILIO_API_BASE,
    webhookBaseUrl: origin(env.TWILIO_WEBHOOK_BASE_URL) ?? origin(env.NEXTAUTH_URL),
    maxAttempts: num(env.TWILIO_MAX_ATTEMPTS, 4, 1),
    retryDelayMs: num(env.TWILIO_RETRY_DELAY_MS, 5_000, 0),
    timeoutMs: num(env.TWILIO_TIMEOUT_MS, 15_000, 100),
  };
}

/** Where Twilio posts a sent text's progress (delivered, undelivered, failed). */
export function statusCallbackUrl(config: TSmsConfig): string | null {
  return config.webhookBaseUrl ? `${config.webhookBaseUrl}/api/webhooks/twilio/status` : null;
}
