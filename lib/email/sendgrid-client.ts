import "server-only";
import { MailService } from "@sendgrid/mail";
import type { Client } from "@sendgrid/client";
import type { TEmailConfig } from "@/lib/email/email-config";

// One configured @sendgrid/mail service per key and host. The API host comes from
// SENDGRID_API_BASE_URL (SendGrid's global host by default, its EU host for EU-pinned accounts,
// a local fake in tests). setApiKey resets the host to the region's, so the host is set after it.
const services = new Map<string, MailService>();

export function mailService(config: TEmailConfig): MailService {
  if (!config.apiKey) throw new Error("mailService() in outbox mode");
  const key = `${config.apiKey}\n${config.apiBaseUrl}\n${config.timeoutMs}`;
  let service = services.get(key);
  if (!service) {
    service = new MailService();
    service.setApiKey(config.apiKey);
    // The typings leave out the service's own client; it is the documented way to change the host.
    (service as unknown as { client: Client }).client.setDefaultRequest("baseUrl", `${config.apiBaseUrl}/`);
    service.setTimeout(config.timeoutMs);
    services.set(key, service);
  }
  return service;
}
