import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";

export type TTextTemplateRow = { id: number; name: string; body: string; version: number; updatedAt: string; updatedByName: string | null };

/** The text templates in use (every signed-in user reads them), by name; `canEdit` for the manager. */
export async function listTextTemplates(actor: TActor): Promise<{ canEdit: boolean; templates: TTextTemplateRow[] }> {
  const rows = await db.textTemplate.findMany({
    where: { archived: false },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, body: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  return {
    canEdit: can(actor, "templates.manage"),
    templates: rows.map((t) => ({ id: t.id, name: t.name, body: t.body, version: t.version, updatedAt: t.updatedAt.toISOString(), updatedByName: t.updatedBy?.name ?? null })),
  };
}
