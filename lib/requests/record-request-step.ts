import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/leads/lead-transaction";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TAuditAction } from "@/lib/audit/audit-actions";
import { notifyUser } from "@/lib/notifications/notify-user";
import type { TRequestKind, TRequestState } from "@/lib/requests/request-vocabulary";

const STEPS = {
  request_made: "request.created",
  request_approved: "request.approved",
  request_accepted: "request.accepted",
  request_declined: "request.declined",
  request_withdrawn: "request.withdrawn",
  request_cancelled: "request.cancelled",
} as const satisfies Record<string, TAuditAction>;
export type TRequestStepType = keyof typeof STEPS;

/**
 * Every step of a request leaves the same three things, in its transaction: a timeline entry on the
 * lead, an audit row, and a notification (inbox row and live notice, lib/notifications/) to each
 * person it concerns, linking to the lead; the Requests badge and inbox re-read on the notice (see
 * components/live/live-provider.tsx). The actor is never told of their own step. A null actor is
 * the system (an auto-return closing the lead's request): no person to name or to leave out.
 */
export async function recordRequestStep(
  tx: TTx,
  actor: { id: number; email: string } | null,
  step: {
    type: TRequestStepType;
    request: { id: number; kind: TRequestKind; leadId: number };
    before: TRequestState | null;
    after: TRequestState;
    data: Record<string, unknown>;
    tell: (number | null | undefined)[];
    notice: { title: string; body: string };
  },
): Promise<void> {
  const { request } = step;
  const data = { request_id: request.id, kind: request.kind, state: step.after, ...step.data };
  await recordLeadEvent(tx, { leadId: request.leadId, actorId: actor?.id ?? null, type: step.type, data: data as Prisma.InputJsonValue });
  await recordAudit(tx, {
    actor,
    action: STEPS[step.type],
    target: { type: "lead_request", id: request.id },
    before: step.before ? { state: step.before } : undefined,
    after: { lead_id: request.leadId, ...data },
  });
  const users = [...new Set(step.tell.filter((id): id is number => typeof id === "number" && id !== actor?.id))];
  for (const userId of users) {
    await notifyUser(tx, { userId, kind: "request", leadId: request.leadId, href: `/admin/crm/lead/${request.leadId}`, actorId: actor?.id ?? null, ...step.notice });
  }
}

/** The active managers: who is told of a request waiting for approval. */
export async function activeManagerIds(tx: TTx): Promise<number[]> {
  const rows = await tx.user.findMany({ where: { role: "super_admin", active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}
