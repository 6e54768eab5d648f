// What each {{variable}} means for one lead, one sender and one recipient. Pure: the lead page
// computes it on the server and hands the values to the browser for the live preview.
import type { TVariableValues } from "@/lib/email/template-variables";

export type TLeadForEmail = {
  id: number;
  leadData: unknown;
  company: { name: string; email: string | null };
  contacts: { name: string; email: string | null }[];
};
export type TEmailSender = { name: string; email: string; phone: string | null };
export type TRecipient = { email: string; name: string | null; label: string };

type TPlace = { city?: unknown; state?: unknown };
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null);

function place(p: unknown): string | null {
  const { city, state } = obj(p) as TPlace;
  return [str(city), str(state)].filter(Boolean).join(", ") || null;
}

function money(v: unknown): string | null {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n.toLocaleString("en-US", { style: "currency", currency: "USD" }) : null;
}

function day(v: unknown): string | null {
  const s = str(v);
  if (!s || !/^\d{4}-\d{2}-\d{2}/.test(s)) return s;
  // Dates from the free tools are calendar days: formatted in UTC so no time zone shifts them.
  return new Date(`${s.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-US", { timeZone: "UTC", month: "long", day: "numeric", year: "numeric" });
}

const firstName = (name: string | null) => name?.split(/\s+/)[0] ?? null;

/** Where this lead can be written to: its contacts' addresses first, then the company's. */
export function emailRecipients(lead: TLeadForEmail): TRecipient[] {
  const seen = new Set<string>();
  const out: TRecipient[] = [];
  for (const c of lead.contacts)
    if (c.email && !seen.has(c.email.toLowerCase())) {
      seen.add(c.email.toLowerCase());
      out.push({ email: c.email, name: c.name, label: `${c.name} <${c.email}>` });
    }
  const ce = lead.company.email;
  if (ce && !seen.has(ce.toLowerCase())) out.push({ email: ce, name: null, label: `${lead.company.name} <${ce}>` });
  return out;
}

export function leadVariableValues(lead: TLeadForEmail, sender: TEmailSender, recipientEmail?: string): TVariableValues {
  const data = obj(lead.leadData);
  const route = obj(data.route);
  const pickup = obj(data.pickup);
  const delivery = obj(data.delivery);
  const to = recipientEmail?.toLowerCase();
  // Writing to a contact greets that contact; writing to the company's address greets its first contact.
  const contact = lead.contacts.find((c) => to && c.email?.toLowerCase() === to) ?? lead.contacts[0];
  const contactName = contact?.name?.trim() || null;
  return {
    company_name: lead.company.name,
    contact_name: contactName,
    contact_first_name: firstName(contactName),
    rep_name: sender.name,
    rep_first_name: firstName(sender.name),
    rep_phone: sender.phone,
    rep_email: sender.email,
    route_origin: place(route.origin) ?? place(pickup) ?? place(data.location),
    route_destination: place(route.destination) ?? place(delivery),
    route_miles: str(route.miles) ?? str(data.miles),
    load_description: str(obj(data.load).description),
    quote_total: money(data.total_cost) ?? money(data.total),
    pickup_date: day(pickup.date),
    delivery_date: day(delivery.date),
  };
}
