import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { templateAccess, visibleTemplatesWhere } from "@/lib/email/template-access";

export type TTemplateSummary = {
  id: number;
  name: string;
  subject: string;
  body: string;
  version: number;
  shared: boolean;
  canEdit: boolean;
  updatedAt: string;
  updatedByName: string | null;
};

/** Shared templates and the actor's personal ones (a handful of rows: no paging). */
export async function listTemplates(actor: TActor): Promise<TTemplateSummary[]> {
  const rows = await db.emailTemplate.findMany({
    where: visibleTemplatesWhere(actor),
    select: { id: true, name: true, subject: true, body: true, version: true, ownerId: true, updatedAt: true, updatedBy: { select: { name: true } } },
    orderBy: [{ ownerId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  return rows.map((t) => toTemplateSummary(actor, t));
}

type TTemplateRow = Omit<TTemplateSummary, "shared" | "canEdit" | "updatedAt" | "updatedByName"> & {
  ownerId: number | null;
  updatedAt: Date;
  updatedBy: { name: string } | null;
};

export function toTemplateSummary(actor: TActor, t: TTemplateRow): TTemplateSummary {
  return {
    id: t.id,
    name: t.name,
    subject: t.subject,
    body: t.body,
    version: t.version,
    shared: t.ownerId === null,
    canEdit: templateAccess(actor, t) === "edit",
    updatedAt: t.updatedAt.toISOString(),
    updatedByName: t.updatedBy?.name ?? null,
  };
}
