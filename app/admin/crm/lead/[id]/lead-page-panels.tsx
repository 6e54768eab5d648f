// The lead page's panels that stream in after the first paint (issue #19): each reads its own
// data in an async server component inside a Suspense boundary, so the header, quick actions and
// history are on screen as soon as the lead detail and the first history page are read (page.tsx),
// and a slow panel holds back only itself. Each domain function authorizes the actor again.
import { Suspense, type ReactNode } from "react";
import type { TActor } from "@/lib/auth/permissions";
import { isManager } from "@/lib/auth/permissions";
import { getLeadEmailPanel } from "@/lib/email/get-lead-email-panel";
import { listNotes } from "@/lib/notes/list-notes";
import { getLeadRequestPanel } from "@/lib/requests/get-lead-request-panel";
import { getLeadEnrolments } from "@/lib/sequences/get-lead-enrolments";
import { listSequences } from "@/lib/sequences/list-sequences";
import { getLeadTextPanel } from "@/lib/sms/get-lead-text-panel";
import { LeadEmailPanel } from "@/components/email/lead-email-panel";
import { NotesThread } from "@/components/notes/notes-thread";
import { LeadRequestsCard } from "@/components/requests/lead-requests-card";
import { LeadSequencePanel } from "@/components/sequences/lead-sequence-panel";
import { LeadTextPanel } from "@/components/sms/lead-text-panel";
import { retryEmailAction, sendLeadEmailAction } from "../../email/actions";
import { addNoteAction, deleteNoteAction, editNoteAction } from "../../notes/actions";
import {
  acceptHandoffAction,
  approveLeadRequestAction,
  declineLeadRequestAction,
  proposeHandoffAction,
  requestLeadLossAction,
  requestLeadReopenAction,
  withdrawLeadRequestAction,
} from "../../requests/actions";
import { enrolLeadsAction, setEnrolmentStateAction } from "../../sequences/actions";
import { sendLeadTextAction } from "../../texts/actions";

type TPanelProps = { actor: TActor; leadId: number };

/**
 * What stands in for a panel while it loads: a card of about the panel's height (so the page does
 * not jump when it arrives) with a polite status a screen reader announces once.
 */
function PanelLoading({ label, minHeight }: { label: string; minHeight: string }) {
  return (
    <div className={`rounded-lg border bg-white p-4 ${minHeight}`} aria-busy="true">
      <p role="status" className="text-sm text-slate-600">
        Loading {label}…
      </p>
    </div>
  );
}

/** One streamed panel: its loading card until `children` (an async server component) is read. */
export function StreamedPanel({ label, minHeight, children }: { label: string; minHeight: string; children: ReactNode }) {
  return <Suspense fallback={<PanelLoading label={label} minHeight={minHeight} />}>{children}</Suspense>;
}

export async function RequestsPanel({ actor, leadId }: TPanelProps) {
  const panel = await getLeadRequestPanel(actor, leadId);
  return (
    <LeadRequestsCard
      leadId={leadId}
      panel={panel}
      viewerIsManager={isManager(actor)}
      actions={{
        propose: proposeHandoffAction,
        askLoss: requestLeadLossAction,
        askReopen: requestLeadReopenAction,
        approve: approveLeadRequestAction,
        decline: declineLeadRequestAction,
        accept: acceptHandoffAction,
        withdraw: withdrawLeadRequestAction,
      }}
    />
  );
}

export async function NotesPanel({ actor, leadId, people }: TPanelProps & { people: { id: number; name: string }[] }) {
  const notes = await listNotes(actor, { lead_id: leadId });
  return (
    <NotesThread
      notes={notes}
      thread={{ lead_id: leadId }}
      people={people}
      actions={{ add: addNoteAction, edit: editNoteAction, remove: deleteNoteAction }}
    />
  );
}

export async function TextsPanel({ actor, leadId }: TPanelProps) {
  const data = await getLeadTextPanel(actor, { leadId });
  return <LeadTextPanel data={data} sendAction={sendLeadTextAction} />;
}

export async function EmailsPanel({ actor, leadId }: TPanelProps) {
  const data = await getLeadEmailPanel(actor, { leadId });
  return <LeadEmailPanel data={data} sendAction={sendLeadEmailAction} retryAction={retryEmailAction} />;
}

export async function SequencesPanel({ actor, leadId, mayEnrol }: TPanelProps & { mayEnrol: boolean }) {
  const [enrolments, sequences] = await Promise.all([getLeadEnrolments(actor, leadId), mayEnrol ? listSequences(actor) : []]);
  return (
    <LeadSequencePanel
      leadId={leadId}
      enrolments={enrolments}
      sequences={sequences.map((q) => ({ id: q.id, name: q.name }))}
      mayEnrol={mayEnrol}
      enrolAction={enrolLeadsAction}
      stateAction={setEnrolmentStateAction}
    />
  );
}
