// Email settings from the environment, read on every use (not at import) so a deployment, or a
// test, can change them without a rebuild. No SENDGRID_API_KEY means outbox mode: nothing leaves.
const OUTBOX_FROM = "outbox@pilot-crm.invalid";

export type TAddress = { email: string; name?: string };

export type TEmailConfig = {
  outbox: boolean;
  apiKey: string | null;
  apiBaseUrl: string;
  from: TAddress | null;
  inboundDomain: string | null;
  maxAttempts: number;
  retryDelayMs: number;
  timeoutMs: number;
};

/** "Pilot Sales <sales@example.com>" or "sales@example.com". */
export function parseAddress(value: string): TAddress | null {
  const m = value.trim().match(/^(?:"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>|([^<>\s]+@[^<>\s]+))$/);
  if (!m) return null;
  const email = (m[2] ?? m[3]).trim();
  const name = m[1]?.trim();
  return name ? { email, name } : { email };
}

const num = (v: string | undefined, fallback: number, min: number) => {
  const n = Number(v);
  return v !== undefined && v !== "" && Number.isFinite(n) && n >= min ? n : fallback;
};

export function emailConfig(env: NodeJS.ProcessEnv = process.env): TEmailConfig {
  const apiKey = env.SENDGRID_API_KEY?.trim() || null;
  const from = env.SENDGRID_FROM ? parseAddress(env.SENDGRID_FROM) : apiKey ? null : { email: OUTBOX_FROM };
  return {
    outbox: !apiKey,
    apiKey,
    apiBaseUrl: (env.SENDGRID_API_BASE_URL?.trim() || "https://api.sendgrid.com").replace(/\/+$/, ""),
    from,
    inboundDomain: env.SENDGRID_INBOUND_DOMAIN?.trim().replace(/^@/, "") || null,
    maxAttempts: num(env.SENDGRID_MAX_ATTEMPTS, 4, 1),
    retryDelayMs: num(env.SENDGRID_RETRY_DELAY_MS, 5_000, 0),
    timeoutMs: num(env.SENDGRID_TIMEOUT_MS, 15_000, 100),
  };
}

/**
 * Replies go to a per-message address on the Inbound Parse domain, shown under the rep's name,
 * so each reply finds its message. Without an inbound domain they go to the rep directly.
 */
export function replyToAddress(config: TEmailConfig, token: string, sender: { name: string; email: string }): TAddress {
  return config.inboundDomain ? { email: `replies+${token}@${config.inboundDomain}`, name: sender.name } : { email: sender.email, name: sender.name };
}

/** The reply token inside an address such as "Alex <replies+0a1b…@reply.example.com>". */
export function replyTokenFrom(address: string): string | null {
  return address.match(/replies\+([a-z0-9]+)@/i)?.[1]?.toLowerCase() ?? null;
}

/** The stored form of an address, readable and parsed back by parseAddress. */
export function formatAddress(a: TAddress): string {
  if (!a.name) return a.email;
  const name = a.name.replace(/["<>\r\n]/g, "");
  return /[,;:@()[\]\\]/.test(name) ? `"${name}" <${a.email}>` : `${name} <${a.email}>`;
}
