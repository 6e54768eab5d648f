// Realistic lead-webhook events and their Standard Webhooks signatures, for the simulator and the
// ingest benchmark. The data shapes are the demo seed's, so simulated leads look like seeded ones.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { buildCompany, buildLeadData, createRandom, type TRandom } from "./demo-data";

export type TLeadEventBody = {
  type: string;
  occurred_at: string;
  company: Record<string, string>;
  data: Record<string, unknown>;
  estimated_value?: number;
};

function companyPayload(r: TRandom, i: number, run?: string): Record<string, string> {
  const c = buildCompany(r, i);
  const company = { external_id: c.externalId, name: c.name, email: c.email, phone: c.phone, usdot: c.usdot, mc_number: c.mcNumber, city: c.city, state: c.state };
  if (!run) return company;
  // A run of its own: identities no earlier run used (the CRM finds a company by external id, else
  // USDOT, else email), so its companies are new. USDOT has 8 digits: drawn above the demo's range.
  const [user, domain] = company.email.split("@");
  return { ...company, external_id: `${company.external_id}_${run}`, email: `${user}+${run}@${domain}`, usdot: String(r.int(20_000_000, 99_999_999)) };
}

/**
 * Events from free-tool users: `repeatShare` of them come from a company seen earlier in the
 * stream, the rest from new ones (numbered from `firstCompany`). With `conversions`, some repeats
 * are orders or registrations that convert the company's earlier lead. With `run`, the new
 * companies' identities carry the run's tag, so a second run makes new companies (and leads)
 * instead of joining the first run's; without it, the same seed replays the same companies.
 */
export function createLeadEventStream(options: { seed?: number; repeatShare?: number; firstCompany?: number; conversions?: boolean; run?: string } = {}) {
  const r = createRandom(options.seed ?? Date.now());
  const repeatShare = options.repeatShare ?? 0.2;
  const seen: Record<string, string>[] = [];
  let nextCompany = options.firstCompany ?? 100_000;
  return function next(): TLeadEventBody {
    const repeat = seen.length > 0 && r.chance(repeatShare);
    const company = repeat ? r.pick(seen) : companyPayload(r, nextCompany++, options.run);
    if (!repeat) seen.push(company);
    const now = new Date();
    if (repeat && options.conversions && r.chance(0.25)) {
      if (r.chance(0.8)) {
        const total = r.int(600, 9000);
        return { type: "order_placed", occurred_at: now.toISOString(), company, data: { order_id: `PO-${crypto.randomBytes(4).toString("hex")}`, total } };
      }
      return { type: "registration", occurred_at: now.toISOString(), company, data: { plan: r.pick(["free", "pro"]) } };
    }
    const type = r.weighted({ load_plan: 35, quote: 35, location_share: 15, order_attempt: 15 });
    return { type, occurred_at: now.toISOString(), company, data: buildLeadData(r, type, now).data };
  };
}

/** A tag for one simulator run: new every time (milliseconds, base 36). */
export function newRunTag(now = Date.now()): string {
  return `r${now.toString(36)}`;
}

export function newWebhookId(): string {
  return `msg_${crypto.randomBytes(12).toString("hex")}`;
}

/** The three Standard Webhooks headers for `body`, signed now with `secret` (whsec_…). */
export function signWebhook(secret: string, id: string, body: string): Record<string, string> {
  const now = new Date();
  return {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, now, body),
  };
}

export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString("base64")}`;
}

/** The sender's secret: the first of LEAD_WEBHOOK_SECRET, else the one `npm run dev` generated. */
export function senderSecret(): string | undefined {
  const fromEnv = process.env.LEAD_WEBHOOK_SECRET?.split(/[\s,]+/).find(Boolean);
  if (fromEnv) return fromEnv;
  const file = path.join(process.cwd(), ".data", "lead-webhook-secret");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split(/[\s,]+/)[0] : undefined;
}
