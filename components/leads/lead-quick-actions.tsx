import type { TFormAction } from "@/lib/action-state";
import type { TLeadDetail } from "@/lib/leads/get-lead-detail";
import { isClosedStatus } from "@/lib/leads/lead-rules";
import { ActionButton } from "@/components/leads/action-button";
import { AssignLeadForm, type TAssignee } from "@/components/leads/assign-lead-form";
import { ConvertLeadDialog } from "@/components/leads/convert-lead-dialog";
import { telHref } from "@/components/leads/format";
import { MarkLostDialog } from "@/components/leads/mark-lost-dialog";
import { primaryButton, secondaryButton } from "@/components/leads/ui-classes";

type TActions = {
  claim: TFormAction;
  release: TFormAction;
  assign: TFormAction;
  convert: TFormAction;
  markLost: TFormAction;
  reopen: TFormAction;
};

/** Only the buttons the viewer may use; the server refuses the rest anyway. */
export function LeadQuickActions({
  lead,
  viewerId,
  assignees,
  actions,
}: {
  lead: TLeadDetail;
  viewerId: number;
  assignees: TAssignee[];
  actions: TActions;
}) {
  const may = lead.may;
  const phone = lead.company.phone ?? lead.contacts.find((c) => c.phone)?.phone ?? null;
  const email = lead.company.email ?? lead.contacts.find((c) => c.email)?.email ?? null;
  const closed = isClosedStatus(lead.status);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start gap-2">
        {phone ? (
          <a href={telHref(phone)} className={secondaryButton}>
            Call {phone}
          </a>
        ) : null}
        {email ? (
          <a href={`mailto:${email}`} className={secondaryButton}>
            Email {email}
          </a>
        ) : null}
        {may.claim ? (
          <ActionButton
            action={actions.claim}
            fields={{ lead_id: lead.id }}
            label="Assign to me"
            pendingLabel="Claiming…"
            className={primaryButton}
          />
        ) : null}
        {may.convert ? (
          <ConvertLeadDialog leadId={lead.id} estimatedValue={lead.estimatedValue} action={actions.convert} />
        ) : null}
        {may.markLost ? <MarkLostDialog leadId={lead.id} action={actions.markLost} /> : null}
        {may.release ? (
          <ActionButton
            action={actions.release}
            fields={{ lead_id: lead.id }}
            label="Release to pool"
            confirm="Give this lead back to the pending pool?"
          />
        ) : null}
        {may.reopen ? (
          <ActionButton action={actions.reopen} fields={{ lead_id: lead.id }} label="Reopen" />
        ) : null}
      </div>
      {may.assign ? (
        <AssignLeadForm
          leadId={lead.id}
          assignees={assignees}
          currentId={lead.assignee?.id ?? null}
          action={actions.assign}
        />
      ) : null}
      {!closed && lead.assignee && lead.assignee.id !== viewerId && !may.act ? (
        <p className="text-sm text-slate-600">
          {lead.assignee.name} holds this lead; only they or a manager can work it.
        </p>
      ) : null}
      {closed ? (
        <p className="text-sm text-slate-600">
          This lead is {lead.status === "converted" ? "converted" : "lost"}: it stays closed
          {lead.status === "lost" ? " unless a manager reopens it" : ""}.
        </p>
      ) : null}
    </div>
  );
}
