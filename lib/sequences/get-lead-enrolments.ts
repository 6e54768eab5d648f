import "server-only";
import { db } from "@/lib/db";
import { isManager, type TActor } from "@/lib/auth/permissions";

export type TLeadEnrolment = {
  id: number;
  sequenceId: number;
  sequenceName: string;
  status: string;
  stopReason: string | null;
  stoppedAt: string | null;
  position: number;
  steps: number;
  nextStepKind: string | null;
  nextRunAt: string | null;
  createdAt: string;
  /** Whether this viewer may pause, resume or stop it (its rep or the manager). */
  mayControl: boolean;
};

/** A lead's enrolments, newest first, for the lead page (every rep reads every lead). */
export async function getLeadEnrolments(actor: TActor, leadId: number): Promise<TLeadEnrolment[]> {
  const rows = await db.sequenceEnrolment.findMany({
    where: { leadId },
    orderBy: { createdAt: "desc" },
    take: 20,
    include: { sequence: { select: { name: true, steps: { select: { position: true, kind: true }, orderBy: { position: "asc" } } } } },
  });
  return rows.map((r) => ({
    id: r.id,
    sequenceId: r.sequenceId,
    sequenceName: r.sequence.name,
    status: r.status,
    stopReason: r.stopReason,
    stoppedAt: r.stoppedAt?.toISOString() ?? null,
    position: r.position,
    steps: r.sequence.steps.length,
    nextStepKind: r.status === "active" || r.status === "paused" ? (r.sequence.steps.find((s) => s.position === r.position)?.kind ?? null) : null,
    nextRunAt: r.status === "active" ? (r.nextRunAt?.toISOString() ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    mayControl: isManager(actor) || r.repId === actor.id,
  }));
}
