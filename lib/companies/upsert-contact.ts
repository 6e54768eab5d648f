import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emptyToUndefined, zId, zOptionalText, zRequiredText } from "@/lib/leads/lead-input";
import { command } from "@/lib/command";

export const ZUpsertContact = z.object({
  company_id: zId("company_id"),
  contact_id: z.preprocess(emptyToUndefined, zId("contact_id").optional()),
  name: zRequiredText(120, "The name", "Name is required"),
  title: zOptionalText(120, "The title"),
  email: z.preprocess(
    emptyToUndefined,
    z.string().trim().toLowerCase().email("Enter a valid email").max(254).optional(),
  ),
  phone: z.preprocess(
    emptyToUndefined,
    zOptionalText(40, "The phone").refine(
      (p) => p === undefined || /^[+\d][\d\s().-]{5,}$/.test(p),
      "Enter a phone number",
    ),
  ),
});
export type TUpsertContact = z.input<typeof ZUpsertContact>;

export type TContact = {
  id: number;
  companyId: number;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
};

/** Adds a person at a company, or edits one (which must belong to that company). */
export const upsertContact = command(
  { input: ZUpsertContact, may: "company.edit" },
  async (actor, data): Promise<TContact> => {
    const { company_id: companyId, contact_id: contactId, name, title, email, phone } = data;
    const fields = { name, title: title ?? null, email: email ?? null, phone: phone ?? null };
    const select = { id: true, companyId: true, name: true, title: true, email: true, phone: true } as const;

    return db.$transaction(async (tx) => {
      const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } });
      if (!company) throw new AppError("NOT_FOUND", "Company not found");
      if (contactId === undefined) return tx.contact.create({ data: { companyId, ...fields }, select });
      const { count } = await tx.contact.updateMany({ where: { id: contactId, companyId }, data: fields });
      if (count === 0) throw new AppError("NOT_FOUND", "Contact not found");
      return tx.contact.findUniqueOrThrow({ where: { id: contactId }, select });
    });
  },
);
