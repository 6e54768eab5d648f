// The plain shapes of a company and its contacts as pages show them, and the one mapping from
// database rows to them (lead page, company page and their components share these).
export type TCompanySummary = {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  usdot: string | null;
  mcNumber: string | null;
  city: string | null;
  state: string | null;
};

export type TContactSummary = { id: number; name: string; title: string | null; email: string | null; phone: string | null };

export function toCompanySummary(c: TCompanySummary): TCompanySummary {
  return { id: c.id, name: c.name, email: c.email, phone: c.phone, usdot: c.usdot, mcNumber: c.mcNumber, city: c.city, state: c.state };
}

export function toContactSummaries(contacts: TContactSummary[]): TContactSummary[] {
  return contacts.map(({ id, name, title, email, phone }) => ({ id, name, title, email, phone }));
}
