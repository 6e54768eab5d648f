import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { mayChangeSequence, visibleSequencesWhere } from "@/lib/sequences/sequence-access";

export type TSequenceListItem = {
  id: number;
  name: string;
  shared: boolean;
  ownerName: string | null;
  archived: boolean;
  mayChange: boolean;
  /** templateName: the email's template, or the text's text template; templateArchived: it is out of use (the step will be skipped). */
  steps: {
    position: number;
    kind: string;
    delayAmount: number;
    delayUnit: string;
    templateId: number | null;
    textTemplateId: number | null;
    templateName: string | null;
    templateArchived: boolean;
    body: string | null;
  }[];
  live: number;
  enrolled: number;
};

/** The sequences the actor may see (shared ones and their own; the manager: all), with live and total enrolments. */
export async function listSequences(actor: TActor, options: { includeArchived?: boolean } = {}): Promise<TSequenceListItem[]> {
  const rows = await db.sequence.findMany({
    where: { ...visibleSequencesWhere(actor), ...(options.includeArchived ? {} : { archived: false }) },
    orderBy: [{ archived: "asc" }, { name: "asc" }],
    include: {
      steps: {
        orderBy: { position: "asc" },
        include: { template: { select: { name: true, archived: true } }, textTemplate: { select: { name: true, archived: true } } },
      },
    },
  });
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db.$queryRaw<{ sequence_id: number; live: number; enrolled: number }[]>`
        SELECT sequence_id, count(*) FILTER (WHERE status IN ('active', 'paused'))::int AS live, count(*)::int AS enrolled
          FROM sequence_enrolments WHERE sequence_id = ANY(${ids}::int[]) GROUP BY sequence_id`
    : [];
  const owners = await db.user.findMany({ where: { id: { in: rows.map((r) => r.ownerId).filter((x): x is number => x !== null) } }, select: { id: true, name: true } });
  return rows.map((r) => {
    const c = counts.find((x) => x.sequence_id === r.id);
    return {
      id: r.id,
      name: r.name,
      shared: r.ownerId === null,
      ownerName: owners.find((o) => o.id === r.ownerId)?.name ?? null,
      archived: r.archived,
      mayChange: mayChangeSequence(actor, r),
      steps: r.steps.map((s) => {
        const template = s.template ?? s.textTemplate;
        return {
          position: s.position,
          kind: s.kind,
          delayAmount: s.delayAmount,
          delayUnit: s.delayUnit,
          templateId: s.templateId,
          textTemplateId: s.textTemplateId,
          templateName: template?.name ?? null,
          templateArchived: template?.archived ?? false,
          body: s.body,
        };
      }),
      live: c?.live ?? 0,
      enrolled: c?.enrolled ?? 0,
    };
  });
}
