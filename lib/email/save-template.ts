import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { assertTemplateVariables } from "@/lib/email/render-template";
import { templateAccess } from "@/lib/email/template-access";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";

const bool = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

export const ZSaveTemplate = z.object({
  id: z.coerce.number().int().positive().optional(),
  name: z.string().trim().min(1, "Name is required").max(120),
  subject: z.string().trim().min(1, "Subject is required").max(200),
  body: z.string().trim().min(1, "Body is required").max(20_000),
  /** New templates only: shared (the manager's) or personal (the author's own). */
  shared: bool.default(false),
  /** The version the editor started from: a save over someone else's newer save is refused. */
  expectedVersion: z.coerce.number().int().positive().optional(),
});
export type TSaveTemplate = z.input<typeof ZSaveTemplate>;

/** Creates a template or saves a new version of one; unknown {{variables}} are refused before anything is written. */
export const saveTemplate = command(ZSaveTemplate, async (actor, data) => {
  const { id, name, subject, body, shared, expectedVersion } = data;
  assertTemplateVariables({ subject, body });
  const select = { id: true, name: true, version: true, ownerId: true } as const;

  if (id === undefined) {
    if (shared && !can(actor, "templates.manage"))
      throw new AppError("FORBIDDEN", "Shared templates are the manager's; save it as a personal template.");
    return db.$transaction(async (tx) => {
      const created = await tx.emailTemplate.create({ data: { name, subject, body, ownerId: shared ? null : actor.id, updatedById: actor.id }, select });
      await recordAudit(tx, { actor, action: "template.created", target: { type: "template", id: created.id }, after: { name, subject, body, shared, version: created.version } });
      return created;
    });
  }

  return db.$transaction(async (tx) => {
    const current = await tx.emailTemplate.findUnique({ where: { id }, select: { ownerId: true, version: true, archived: true, name: true, subject: true, body: true } });
    const access = current ? templateAccess(actor, current) : "none";
    if (!current || access === "none" || current.archived) throw new AppError("NOT_FOUND", "Template not found");
    if (access !== "edit") throw new AppError("FORBIDDEN", "Shared templates are the manager's; save a personal copy instead.");
    // The version check is part of the update itself, so two simultaneous saves cannot both win.
    const updated = await tx.emailTemplate.updateMany({
      where: { id, version: expectedVersion ?? current.version },
      data: { name, subject, body, version: { increment: 1 }, updatedById: actor.id },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "Someone saved this template meanwhile; reload to see their version.");
    const saved = await tx.emailTemplate.findUniqueOrThrow({ where: { id }, select });
    await recordAudit(tx, {
      actor,
      action: "template.changed",
      target: { type: "template", id },
      before: { name: current.name, subject: current.subject, body: current.body, version: current.version },
      after: { name, subject, body, version: saved.version },
    });
    return saved;
  });
});
