import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { templateAccess } from "@/lib/email/template-access";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZArchiveTemplate = z.object({ id: z.coerce.number().int().positive() });

/** Hides a template from the pickers. Never deleted: sent messages still point at it. */
export const archiveTemplate = command(ZArchiveTemplate, async (actor, data) => {
  return db.$transaction(async (tx) => {
    const t = await tx.emailTemplate.findUnique({ where: { id: data.id }, select: { id: true, ownerId: true, archived: true, name: true } });
    const access = t ? templateAccess(actor, t) : "none";
    if (!t || t.archived || access === "none") throw new AppError("NOT_FOUND", "Template not found");
    if (access !== "edit") throw new AppError("FORBIDDEN", "Shared templates are the manager's.");
    await tx.emailTemplate.update({ where: { id: t.id }, data: { archived: true, updatedById: actor.id } });
    await recordAudit(tx, { actor, action: "template.archived", target: { type: "template", id: t.id }, before: { name: t.name, archived: false }, after: { archived: true } });
    return { id: t.id };
  });
});
