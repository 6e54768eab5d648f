import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { zId } from "@/lib/leads/lead-input";
import type { TMergeValues } from "@/lib/companies/merge-fields";
import { CLOSED_STATUSES } from "@/lib/leads/lead-rules";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";

export const ZGetMergePreview = z
  .object({ a: zId("a"), b: zId("b") })
  .refine((d) => d.a !== d.b, { path: ["b"], message: "A company cannot be merged with itself" });

export type TMergeCandidate = {
  id: number;
  values: TMergeValues;
  leads: number;
  contacts: number;
  createdAt: string;
  mergedIntoId: number | null;
  /** Its leads not converted or lost: two companies that both have some end up with two open leads. */
  openLeads: TOpenLead[];
};

export type TOpenLead = { id: number; status: TLeadStatus; owner: string | null };

/**
 * The two companies the merge page compares, field by field, with what each would bring — and
 * their open leads, since the merge moves leads but never combines two of them.
 */
export const getMergePreview = command(
  { input: ZGetMergePreview, may: "companies.merge" },
  async (_actor, { a, b }): Promise<[TMergeCandidate, TMergeCandidate]> => {
    const rows = await db.company.findMany({
      where: { id: { in: [a, b] } },
      include: {
        _count: { select: { leads: true, contacts: true } },
        leads: {
          where: { status: { notIn: [...CLOSED_STATUSES] } },
          orderBy: { id: "asc" },
          select: { id: true, status: true, assignedAdmin: { select: { name: true } } },
        },
      },
    });
    const pick = (id: number): TMergeCandidate => {
      const c = rows.find((r) => r.id === id);
      if (!c) throw new AppError("NOT_FOUND", "Company not found");
      return {
        id: c.id,
        values: {
          name: c.name,
          external_id: c.externalId,
          usdot: c.usdot,
          mc_number: c.mcNumber,
          email: c.email,
          phone: c.phone,
          city: c.city,
          state: c.state,
        },
        leads: c._count.leads,
        contacts: c._count.contacts,
        createdAt: c.createdAt.toISOString(),
        mergedIntoId: c.mergedIntoId,
        openLeads: c.leads.map((l) => ({ id: l.id, status: l.status, owner: l.assignedAdmin?.name ?? null })),
      };
    };
    return [pick(a), pick(b)];
  },
);
