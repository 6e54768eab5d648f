import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { toTemplateSummary } from "@/lib/email/list-templates";
import { templateAccess } from "@/lib/email/template-access";
import { command } from "@/lib/command";

export const ZGetTemplate = z.object({ id: z.coerce.number().int().positive() });

export type TTemplateVersionUse = { version: number; sent: number; lastSentAt: string; lastSubject: string; lastMessageId: number };

/**
 * One template for its editor, with the versions that went out: a save bumps the version and
 * every message keeps the subject and text it was sent with, so the history is the messages.
 */
export const getTemplate = command(ZGetTemplate, async (actor, data) => {
  const t = await db.emailTemplate.findUnique({
    where: { id: data.id },
    select: { id: true, name: true, subject: true, body: true, version: true, ownerId: true, archived: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  const access = t ? templateAccess(actor, t) : "none";
  if (!t || access === "none") throw new AppError("NOT_FOUND", "Template not found");
  // Reps see how their own messages used it; the manager sees everyone's.
  const senderFilter = can(actor, "metrics.team") ? null : actor.id;
  const versions = await db.$queryRaw<{ version: number; sent: bigint; last_sent_at: Date; last_subject: string; last_message_id: number }[]>`
    SELECT DISTINCT ON (template_version)
      template_version AS version,
      count(*) OVER (PARTITION BY template_version) AS sent,
      created_at AS last_sent_at, subject AS last_subject, id AS last_message_id
    FROM email_messages
    WHERE template_id = ${t.id} AND status NOT IN ('queued', 'failed')
      AND (${senderFilter}::int IS NULL OR sender_id = ${senderFilter}::int)
    ORDER BY template_version DESC, created_at DESC`;
  return {
    ...toTemplateSummary(actor, t),
    archived: t.archived,
    versions: versions.map(
      (v): TTemplateVersionUse => ({
        version: v.version,
        sent: Number(v.sent),
        lastSentAt: v.last_sent_at.toISOString(),
        lastSubject: v.last_subject,
        lastMessageId: v.last_message_id,
      }),
    ),
  };
});
