import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertTemplateVariables } from "@/lib/email/render-template";
import { MAX_TEXT_LENGTH } from "@/lib/sms/text-limits";

export const ZSaveTextTemplate = z.object({
  id: z.coerce.number().int().positive().optional(),
  name: z.string().trim().min(1, "Name is required").max(120),
  body: z.string().trim().min(1, "Text is required").max(MAX_TEXT_LENGTH, `A text is at most ${MAX_TEXT_LENGTH} characters`),
  /** The version the editor started from: a save over someone else's newer save is refused. */
  expectedVersion: z.coerce.number().int().positive().optional(),
});
export type TSaveTextTemplate = z.input<typeof ZSaveTextTemplate>;

/**
 * Creates a text template or saves a new version of one. Text templates are shared: the manager's
 * to write (templates.manage), everyone's to use. The {{variables}} are the email templates' and
 * are checked by the same function, before anything is written. Audited like email templates.
 */
export const saveTextTemplate = command({ input: ZSaveTextTemplate, may: "templates.manage" }, async (actor, data) => {
  const { id, name, body, expectedVersion } = data;
  assertTemplateVariables({ subject: "", body });
  const select = { id: true, name: true, version: true } as const;
  return db.$transaction(async (tx) => {
    if (id === undefined) {
      const created = await tx.textTemplate.create({ data: { name, body, updatedById: actor.id }, select });
      await recordAudit(tx, { actor, action: "template.created", target: { type: "text_template", id: created.id }, after: { name, body, version: 1 } });
      return created;
    }
    const current = await tx.textTemplate.findUnique({ where: { id }, select: { version: true, archived: true, name: true, body: true } });
    if (!current || current.archived) throw new AppError("NOT_FOUND", "Text template not found");
    // The version check is part of the update, so two simultaneous saves cannot both win.
    const updated = await tx.textTemplate.updateMany({ where: { id, version: expectedVersion ?? current.version }, data: { name, body, version: { increment: 1 }, updatedById: actor.id } });
    if (updated.count === 0) throw new AppError("CONFLICT", "Someone saved this template meanwhile; reload to see their version.");
    const saved = await tx.textTemplate.findUniqueOrThrow({ where: { id }, select });
    await recordAudit(tx, {
      actor,
      action: "template.changed",
      target: { type: "text_template", id },
      before: { name: current.name, body: current.body, version: current.version },
      after: { name, body, version: saved.version },
    });
    return saved;
  });
});
