import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TLeadCompany } from "@/lib/ingest/lead-webhook-schema";

type TCompanyRow = {
  id: number;
  externalId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  usdot: string | null;
  mcNumber: string | null;
  city: string | null;
  state: string | null;
};

export function normalizeEmail(email: string | undefined | null): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/**
 * The company of an event, found by external_id, else USDOT, else normalized email, or created.
 * Safe under concurrency: every identity key the event carries is locked (transaction-scoped
 * advisory locks, taken in one sorted order so two events never deadlock) before we look, so two
 * simultaneous first events of one company cannot both miss and both insert.
 */
export async function upsertCompany(tx: Prisma.TransactionClient, company: TLeadCompany): Promise<{ id: number; state: string | null }> {
  const externalId = company.external_id ?? null;
  const usdot = company.usdot ?? null;
  const emailNorm = normalizeEmail(company.email);
  const keys = [
    externalId && `company:external_id:${externalId}`,
    usdot && `company:usdot:${usdot}`,
    emailNorm && `company:email:${emailNorm}`,
  ].filter((k): k is string => !!k);
  // The sorted subquery is not flattened by the planner, so the locks are taken in key order.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(k)
    FROM (SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest(${keys}::text[]) AS key ORDER BY 1) AS ordered`;

  // A known external_id wins; USDOT and email only match a company the host app has not claimed
  // under another external_id.
  const unclaimed = externalId ? { OR: [{ externalId: null }, { externalId }] } : {};
  const or: Prisma.CompanyWhereInput[] = [];
  if (externalId) or.push({ externalId });
  if (usdot) or.push({ usdot, ...unclaimed });
  if (emailNorm) or.push({ emailNorm, ...unclaimed });
  const candidates: TCompanyRow[] = await tx.company.findMany({
    where: { OR: or },
    select: { id: true, externalId: true, name: true, email: true, phone: true, usdot: true, mcNumber: true, city: true, state: true },
    orderBy: { id: "asc" },
    take: 10,
  });
  const found =
    (externalId && candidates.find((c) => c.externalId === externalId)) ||
    (usdot && candidates.find((c) => c.usdot === usdot)) ||
    candidates[0];

  const incoming = {
    externalId,
    name: company.name,
    email: company.email ?? null,
    emailNorm,
    phone: company.phone || null,
    usdot,
    mcNumber: company.mc_number || null,
    city: company.city || null,
    state: company.state ?? null,
  };
  if (!found) {
    const created = await tx.company.create({ data: incoming, select: { id: true, state: true } });
    return created;
  }
  // The latest event knows the freshest contact details; absent fields never erase what we have.
  const changes: Prisma.CompanyUpdateInput = {};
  for (const [key, value] of Object.entries(incoming) as [keyof typeof incoming, string | null][]) {
    if (value === null || key === "emailNorm") continue;
    if (found[key as keyof TCompanyRow] !== value) (changes as Record<string, string>)[key] = value;
  }
  if (changes.email) changes.emailNorm = emailNorm;
  if (!Object.keys(changes).length) return { id: found.id, state: found.state };
  const updated = await tx.company.update({ where: { id: found.id }, data: changes, select: { id: true, state: true } });
  return updated;
}
