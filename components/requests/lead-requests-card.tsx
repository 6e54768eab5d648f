"use client";

import type { TFormAction } from "@/lib/action-state";
import type { TLeadRequestPanel } from "@/lib/requests/get-lead-request-panel";
import { dangerButton, primaryButton, secondaryButton } from "@/components/ui/classes";
import { SelectField } from "@/components/ui/select-field";
import { RequestDialog } from "@/components/requests/request-dialog";
import { RequestTextField } from "@/components/requests/request-fields";
import { RequestSummary } from "@/components/requests/request-summary";

export type TRequestActions = {
  propose: TFormAction;
  askLoss: TFormAction;
  askReopen: TFormAction;
  approve: TFormAction;
  decline: TFormAction;
  accept: TFormAction;
  withdraw: TFormAction;
};

const WHO_APPROVES = {
  manager: "A manager approves it, then the lead moves.",
  receiver: "The receiver accepts it, then the lead moves.",
  manager_and_receiver: "A manager approves it, then the receiver accepts it.",
} as const;

/** The lead page's "Handoff and requests" card: the open request with its buttons, or the ways to ask. */
export function LeadRequestsCard({ leadId, panel, actions, viewerIsManager }: { leadId: number; panel: TLeadRequestPanel; actions: TRequestActions; viewerIsManager: boolean }) {
  const { open, may } = panel;
  const note = (errors?: Record<string, string[]>) => <RequestTextField name="note" label="Note (optional)" errors={errors} multiline />;
  const onRequest: Record<string, number> = open ? { request_id: open.id } : {};
  return (
    <section aria-labelledby="lead-requests" className="rounded-lg border bg-white p-4" data-testid="lead-requests">
      <h2 id="lead-requests" className="mb-3 font-semibold">
        Handoff and requests
      </h2>
      {open ? (
        <div className="space-y-3">
          <RequestSummary request={open} showLead={false} />
          <div className="flex flex-wrap gap-2">
            {may.approve ? (
              <RequestDialog action={actions.approve} fields={onRequest} label="Approve…" title="Approve the request" submitLabel="Approve" buttonClassName={primaryButton} submitClassName={primaryButton} testId="request-approve">
                {(errors) => (
                  <>
                    {open.kind === "handoff" && panel.strictTerritories && !open.territoryOverride ? (
                      <RequestTextField name="territory_override" label="Territory override reason (only if the receiver does not cover the lead's states)" errors={errors} />
                    ) : null}
                    {note(errors)}
                  </>
                )}
              </RequestDialog>
            ) : null}
            {may.accept ? (
              <RequestDialog action={actions.accept} fields={onRequest} label="Accept…" title="Accept the handoff" submitLabel="Accept" buttonClassName={primaryButton} submitClassName={primaryButton} testId="request-accept">
                {note}
              </RequestDialog>
            ) : null}
            {may.decline ? (
              <RequestDialog action={actions.decline} fields={onRequest} label="Decline…" title="Decline the request" submitLabel="Decline" submitClassName={dangerButton} testId="request-decline">
                {note}
              </RequestDialog>
            ) : null}
            {may.withdraw ? (
              <RequestDialog action={actions.withdraw} fields={onRequest} label="Withdraw…" title="Withdraw your request" submitLabel="Withdraw" submitClassName={dangerButton} testId="request-withdraw">
                {note}
              </RequestDialog>
            ) : null}
          </div>
        </div>
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-slate-600">No open request. {may.propose ? WHO_APPROVES[viewerIsManager && panel.handoffApproval === "manager_and_receiver" ? "receiver" : panel.handoffApproval] : null}</p>
          <div className="flex flex-wrap gap-2">
            {may.propose ? (
              <RequestDialog action={actions.propose} fields={{ lead_id: leadId }} label="Hand off…" title="Hand this lead off" submitLabel="Propose handoff" submitClassName={primaryButton} testId="handoff-propose">
                {(errors) => (
                  <>
                    <SelectField label="To" name="to_admin_id" required placeholder={{ label: "Choose a rep", disabled: true }} defaultValue="" options={panel.reps.map((r) => ({ value: String(r.id), label: r.name }))} errors={errors?.to_admin_id} />
                    <RequestTextField name="reason" label="Reason (required)" required errors={errors} />
                    {viewerIsManager && panel.strictTerritories ? (
                      <RequestTextField name="territory_override" label="Territory override reason (only if the rep does not cover the lead's states)" errors={errors} />
                    ) : null}
                  </>
                )}
              </RequestDialog>
            ) : null}
            {may.askLoss ? (
              <RequestDialog action={actions.askLoss} fields={{ lead_id: leadId }} label="Ask to mark lost…" title="Ask a manager to mark this lead lost" submitLabel="Ask" buttonClassName={secondaryButton} submitClassName={dangerButton} testId="ask-loss">
                {(errors) => (
                  <>
                    <RequestTextField name="reason" label="Reason (required)" required errors={errors} />
                    <RequestTextField name="notes" label="Notes (optional)" errors={errors} multiline />
                  </>
                )}
              </RequestDialog>
            ) : null}
            {may.askReopen ? (
              <RequestDialog action={actions.askReopen} fields={{ lead_id: leadId }} label="Ask to reopen…" title="Ask a manager to reopen this lead" submitLabel="Ask" submitClassName={primaryButton} testId="ask-reopen">
                {(errors) => <RequestTextField name="reason" label="Reason (optional)" errors={errors} />}
              </RequestDialog>
            ) : null}
          </div>
        </div>
      )}
      {panel.recent.length ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-700">Earlier requests ({panel.recent.length})</summary>
          <ul className="mt-2 space-y-2">
            {panel.recent.map((r) => (
              <li key={r.id}>
                <RequestSummary request={r} showLead={false} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
