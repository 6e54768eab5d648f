import "server-only";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { TWILIO_API_BASE, type TSmsConfig } from "@/lib/sms/sms-config";


/**
 * twilio-node builds every URL from https://api.twilio.com (plus edge/region, which only change
 * the host's middle). Its documented extension point is the `httpClient` option: this one is the
 * library's own RequestClient with the origin swapped, so a test's local server gets exactly the
 * request the real API would (same path, form body, basic auth).
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly base: string,
    opts: ConstructorParameters<typeof twilio.RequestClient>[0],
  ) {
    super(opts);
  }

  request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = opts.uri.startsWith(TWILIO_API_BASE) ? this.base + opts.uri.slice(TWILIO_API_BASE.length) : opts.uri;
    return super.request<TData>({ ...opts, uri });
  }
}

const clients = new Map<string, twilio.Twilio>();

/** The real twilio client for these settings (one per account and base, reused). */
export function twilioClient(config: TSmsConfig): twilio.Twilio {
  if (!config.accountSid || !config.authToken) throw new Error("Twilio is not configured");
  const key = `${config.accountSid}\n${config.authToken}\n${config.apiBaseUrl}\n${config.timeoutMs}`;
  let client = clients.get(key);
  if (!client) {
    const httpOpts = { timeout: config.timeoutMs };
    const httpClient = config.apiBaseUrl === TWILIO_API_BASE ? new twilio.RequestClient(httpOpts) : new RebasedRequestClient(config.apiBaseUrl, httpOpts);
    client = twilio(config.accountSid, config.authToken, { httpClient });
    clients.set(key, client);
  }
  return client;
}
