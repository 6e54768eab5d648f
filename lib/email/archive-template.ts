import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";
import { templateAccess } from "@/lib/email/template-access";

export const ZArchiveTemplate = z.object({ id: z.coerce.number().int().positive() });

/** Hides a template from the pickers. Never deleted: sent messages still point at it. */
export async function archiveTemplate(actor: TActor, input: z.input<typeof ZArchiveTemplate>) {
  const parsed = ZArchiveTemplate.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const t = await db.emailTemplate.findUnique({ where: { id: parsed.data.id }, select: { id: true, ownerId: true, archived: true } });
  const access = t ? templateAccess(actor, t) : "none";
  if (!t || t.archived || access === "none") throw new AppError("NOT_FOUND", "Template not found");
  if (access !== "edit") throw new AppError("FORBIDDEN", "Shared templates are the manager's.");
  await db.emailTemplate.update({ where: { id: t.id }, data: { archived: true, updatedById: actor.id } });
  return { id: t.id };
}
