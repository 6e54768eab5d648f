import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getLeadDetail } from "@/lib/leads/get-lead-detail";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { SOURCE_LABELS } from "@/lib/leads/lead-vocabulary";
import { orNotFound } from "@/lib/leads/or-not-found";
import { listUsers } from "@/lib/users/list-users";
import { AddSalesActionForm } from "@/components/leads/add-sales-action-form";
import { CompanyCard } from "@/components/leads/company-card";
import { formatMoney } from "@/components/leads/format";
import { LeadFacts } from "@/components/leads/lead-facts";
import { LeadQuickActions } from "@/components/leads/lead-quick-actions";
import { LeadTimeline } from "@/components/leads/lead-timeline";
import { ServiceDetails } from "@/components/leads/service-details";
import { HaulPanel } from "@/components/leads/haul-panel";
import { StatusBadge } from "@/components/leads/status-badge";
import { CoveringBadge } from "@/components/calls/covering-badge";
import {
  addSalesActionAction,
  assignLeadAction,
  claimLeadAction,
  convertLeadAction,
  markLeadLostAction,
  releaseLeadAction,
  reopenLeadAction,
  snoozeFollowUpAction,
} from "../actions";
import { ZonedTime } from "@/components/ui/zoned-time";
import { EmailsPanel, NotesPanel, RequestsPanel, SequencesPanel, StreamedPanel, TextsPanel } from "./lead-page-panels";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string | string[] }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  return { title: `Lead #${(await params).id}` };
}

export default async function LeadPage({ params, searchParams }: TProps) {
  const actor = await requirePageActor();
  const { id } = await params;
  // "Show older" pages the history by its position (lib/leads/get-lead-timeline.ts), server side.
  const before = [(await searchParams).before].flat()[0] || undefined;
  // The first paint waits only for the lead (one statement), the history's first page and the
  // people pickers (issue #19); the other panels stream in below through lead-page-panels.tsx.
  const [lead, timeline, activeUsers] = await orNotFound(() =>
    Promise.all([getLeadDetail(actor, { lead_id: id }), getLeadTimeline(actor, { lead_id: id, before }), listUsers({ activeOnly: true })]),
  );
  const people = activeUsers.map((u) => ({ id: u.id, name: u.name }));
  const assignees = lead.may.assign ? people : [];

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-600">
          <Link href="/admin/crm/leads" className="underline">
            Leads
          </Link>{" "}
          / Lead #{lead.id}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">
            <Link href={`/admin/crm/company/${lead.company.id}`} className="hover:underline">
              {lead.company.name}
            </Link>
          </h1>
          <StatusBadge status={lead.status} />
          <CoveringBadge coveringFor={lead.coveringFor} />
        </div>
        <p className="text-sm text-slate-600">
          {SOURCE_LABELS[lead.leadSource]} · estimated {formatMoney(lead.estimatedValue)} · came in{" "}
          <ZonedTime value={lead.createdAt} show="date" />
          {lead.assignee
            ? ` · ${lead.assignee.id === actor.id ? "yours" : `held by ${lead.assignee.name}`}`
            : " · unassigned"}
        </p>
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section
            aria-labelledby="quick-actions"
            className="rounded-lg border bg-white p-4"
          >
            <h2 id="quick-actions" className="mb-3 font-semibold">
              Quick actions
            </h2>
            <LeadQuickActions
              lead={lead}
              viewerId={actor.id}
              assignees={assignees}
              actions={{
                claim: claimLeadAction,
                release: releaseLeadAction,
                assign: assignLeadAction,
                convert: convertLeadAction,
                markLost: markLeadLostAction,
                reopen: reopenLeadAction,
              }}
            />
          </section>

          <StreamedPanel label="handoff and requests" minHeight="min-h-32">
            <RequestsPanel actor={actor} leadId={lead.id} />
          </StreamedPanel>

          <section aria-labelledby="service" className="rounded-lg border bg-white p-4">
            <h2 id="service" className="mb-3 font-semibold">
              What they asked for
            </h2>
            <ServiceDetails source={lead.leadSource} data={lead.leadData} />
          </section>

          {/* What happened so far comes before the forms to add to it (the email composer alone is
              taller than a screen). */}
          <section aria-labelledby="history" className="rounded-lg border bg-white p-4">
            <h2 id="history" className="mb-3 font-semibold">
              History
            </h2>
            <LeadTimeline
              items={timeline.items}
              olderHref={timeline.older ? `/admin/crm/lead/${lead.id}?before=${timeline.older}#history` : null}
              newestHref={before ? `/admin/crm/lead/${lead.id}#history` : null}
            />
          </section>

          {/* The haul estimate sits under the history: the header already says what the lead is
              worth, and the rep reads what happened first. */}
          {lead.haul ? (
            <section aria-labelledby="haul" className="rounded-lg border bg-white p-4">
              <h2 id="haul" className="mb-3 font-semibold">
                Haul
              </h2>
              <HaulPanel haul={lead.haul} />
            </section>
          ) : null}

          {lead.may.act ? (
            <section aria-labelledby="log-action" className="rounded-lg border bg-white p-4">
              <h2 id="log-action" className="mb-3 font-semibold">
                Log a call, email, text or meeting
              </h2>
              {lead.coveringFor ? (
                <p className="mb-3 text-sm text-slate-700" data-testid="covering-note">
                  You are covering for {lead.coveringFor.name} until <ZonedTime value={lead.coveringFor.until} />: what you log
                  here is yours, marked as covering for them. The lead stays {lead.coveringFor.name}&apos;s.
                </p>
              ) : null}
              <AddSalesActionForm leadId={lead.id} action={addSalesActionAction} />
            </section>
          ) : null}

          <StreamedPanel label="notes" minHeight="min-h-48">
            <NotesPanel actor={actor} leadId={lead.id} people={people} />
          </StreamedPanel>

          <StreamedPanel label="texts" minHeight="min-h-64">
            <TextsPanel actor={actor} leadId={lead.id} />
          </StreamedPanel>

          <StreamedPanel label="emails" minHeight="min-h-96">
            <EmailsPanel actor={actor} leadId={lead.id} />
          </StreamedPanel>
        </div>

        <aside className="space-y-6">
          <CompanyCard company={lead.company} contacts={lead.contacts} />
          <LeadFacts lead={lead} snooze={snoozeFollowUpAction} />
          <StreamedPanel label="sequences" minHeight="min-h-32">
            <SequencesPanel actor={actor} leadId={lead.id} mayEnrol={lead.may.enrol} />
          </StreamedPanel>
        </aside>
      </div>
    </div>
  );
}
