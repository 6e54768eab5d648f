import "server-only";
import twilio from "twilio";
import type { TSmsConfig } from "@/lib/sms/sms-config";

export type TTwilioParams = Record<string, string | string[]>;

/** A form body as Twilio's validator wants it: one string per field, an array for a repeated one. */
export function twilioParams(rawBody: string): TTwilioParams {
  const params: TTwilioParams = {};
  for (const [key, value] of new URLSearchParams(rawBody)) {
    const had = params[key];
    params[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return params;
}

/**
 * The URL Twilio signed: the one it was told to call. Behind a proxy or a load balancer the URL
 * this process sees (http://10.0.0.5:3000/…) is not it, so the configured public base URL
 * (TWILIO_WEBHOOK_BASE_URL, else NEXTAUTH_URL) wins, with the request's path and query; without
 * one, X-Forwarded-Proto/Host are read only when TRUST_PROXY=1 (as client-ip.ts), else the request URL.
 */
export function signedUrl(requestUrl: string, headers: Headers, config: Pick<TSmsConfig, "webhookBaseUrl">): string {
  const seen = new URL(requestUrl);
  const pathAndQuery = `${seen.pathname}${seen.search}`;
  if (config.webhookBaseUrl) return `${new URL(config.webhookBaseUrl).origin}${pathAndQuery}`;
  if (process.env.TRUST_PROXY === "1") {
    const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
    const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? headers.get("host");
    if (proto && host) return `${proto}://${host}${pathAndQuery}`;
  }
  return seen.toString();
}

/**
 * X-Twilio-Signature checked by twilio-node's own validator (HMAC-SHA1 of the URL and the sorted
 * form fields, keyed with the auth token; it also tries the URL with and without the port). A JSON
 * body comes with bodySHA256 in the query, which validateRequestWithBody checks as well.
 */
export function verifyTwilioRequest(input: { authToken: string | null; signature: string | null; url: string; rawBody: string }): { ok: true; params: TTwilioParams } | { ok: false; reason: string } {
  const { authToken, signature, url, rawBody } = input;
  if (!authToken) return { ok: false, reason: "Twilio is not configured (TWILIO_AUTH_TOKEN): no webhook can be verified" };
  if (!signature) return { ok: false, reason: "Missing X-Twilio-Signature" };
  const withBodyHash = new URL(url).searchParams.has("bodySHA256");
  const params = withBodyHash ? {} : twilioParams(rawBody);
  const valid = withBodyHash ? twilio.validateRequestWithBody(authToken, signature, url, rawBody) : twilio.validateRequest(authToken, signature, url, params);
  return valid ? { ok: true, params } : { ok: false, reason: "Invalid X-Twilio-Signature" };
}
