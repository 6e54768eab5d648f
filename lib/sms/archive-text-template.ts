import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZArchiveTextTemplate = z.object({ id: z.coerce.number().int().positive() });

/** Hides a text template from the composer. Never deleted: sent texts still point at it. Manager only. */
export const archiveTextTemplate = command({ input: ZArchiveTextTemplate, may: "templates.manage" }, async (actor, data) => {
  return db.$transaction(async (tx) => {
    const t = await tx.textTemplate.findUnique({ where: { id: data.id }, select: { id: true, archived: true, name: true } });
    if (!t || t.archived) throw new AppError("NOT_FOUND", "Text template not found");
    await tx.textTemplate.update({ where: { id: t.id }, data: { archived: true, updatedById: actor.id } });
    await recordAudit(tx, { actor, action: "template.archived", target: { type: "text_template", id: t.id }, before: { name: t.name, archived: false }, after: { archived: true } });
    return { id: t.id };
  });
});
