import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getCompany } from "@/lib/companies/get-company";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { SOURCE_LABELS } from "@/lib/leads/lead-vocabulary";
import { orNotFound } from "@/lib/leads/or-not-found";
import { ContactForm } from "@/components/companies/contact-form";
import { ManualLeadForm } from "@/components/companies/manual-lead-form";
import { ContactLine, EmailLink, PhoneLink } from "@/components/leads/company-card";
import { formatMoney } from "@/components/leads/format";
import { LeadTimeline } from "@/components/leads/lead-timeline";
import { StatusBadge } from "@/components/leads/status-badge";
import { findCompanyDuplicates } from "@/lib/companies/find-company-duplicates";
import { COMPANY_RULE_LABELS } from "@/lib/companies/duplicate-rules";
import { ActionButton } from "@/components/ui/action-button";
import { smallButton } from "@/components/ui/classes";
import { redirect } from "next/navigation";
import { createManualLeadAction, requestCompanyMergeAction, upsertContactAction } from "./actions";
import { ZonedTime } from "@/components/ui/zoned-time";
import { listNotes } from "@/lib/notes/list-notes";
import { listUsers } from "@/lib/users/list-users";
import { NotesThread } from "@/components/notes/notes-thread";
import { addNoteAction, deleteNoteAction, editNoteAction } from "../../notes/actions";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string | string[] }> };

export const metadata: Metadata = { title: "Company" };

export default async function CompanyPage({ params, searchParams }: TProps) {
  const actor = await requirePageActor();
  const { id } = await params;
  const before = [(await searchParams).before].flat()[0] || undefined;
  const [company, history, notes, activeUsers, duplicates] = await orNotFound(() =>
    Promise.all([
      getCompany(actor, { company_id: id }),
      getLeadTimeline(actor, { company_id: id, before }),
      listNotes(actor, { company_id: id }),
      listUsers({ activeOnly: true }),
      findCompanyDuplicates(actor, { company_id: id }),
    ]),
  );
  // A merged company lives on only as a tombstone: its page is the survivor's.
  if (company.mergedIntoId !== null) redirect(`/admin/crm/company/${company.mergedIntoId}`);
  const card = "rounded-lg border bg-white p-4";
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{company.name}</h1>
        {company.mergedNames.length ? (
          <p className="text-sm text-slate-600" data-testid="company-merged-names">
            Also known as {company.mergedNames.join(", ")}
          </p>
        ) : null}
        <p className="flex flex-wrap gap-x-4 text-sm text-slate-600">
          <PhoneLink phone={company.phone} />
          <EmailLink email={company.email} />
          {company.city || company.state ? (
            <span>{[company.city, company.state].filter(Boolean).join(", ")}</span>
          ) : null}
          {company.usdot ? <span>USDOT {company.usdot}</span> : null}
          {company.mcNumber ? <span>{company.mcNumber}</span> : null}
        </p>
      </header>
      {duplicates.length ? (
        <section aria-labelledby="duplicates" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="duplicates" className="mb-2 font-semibold">
            Possible duplicate of
          </h2>
          <ul className="space-y-2 text-sm" data-testid="possible-duplicates">
            {duplicates.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/crm/company/${d.id}`} className="font-medium underline">
                  #{d.id} {d.name}
                </Link>
                <span className="text-slate-700">
                  {[d.city, d.state].filter(Boolean).join(", ")} · {d.reasons.map((r) => COMPANY_RULE_LABELS[r]).join(", ")}
                </span>
                {company.may.merge ? (
                  <Link href={`/admin/crm/duplicates/merge?a=${company.id}&b=${d.id}`} className={smallButton}>
                    Compare and merge
                  </Link>
                ) : d.request ? (
                  <span className="rounded bg-white px-2 py-0.5 text-slate-800" data-testid="merge-request-pending">
                    Merge requested{d.request.mine ? " by you" : ` by ${d.request.requestedBy}`}: pending
                  </span>
                ) : (
                  <ActionButton
                    action={requestCompanyMergeAction}
                    fields={{ company_id: company.id, duplicate_of_id: d.id }}
                    label="Ask the manager to merge"
                    className={smallButton}
                    ariaLabel={`Ask the manager to merge with #${d.id} ${d.name}`}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-labelledby="contacts" className={card}>
          <h2 id="contacts" className="mb-3 font-semibold">
            Contacts
          </h2>
          <ul className="space-y-3" data-testid="contacts">
            {company.contacts.map((c) => (
              <li key={c.id} className="space-y-1 border-b pb-3 text-sm last:border-0">
                <ContactLine contact={c} />
                {company.may.edit ? (
                  <ContactForm companyId={company.id} contact={c} action={upsertContactAction} />
                ) : null}
              </li>
            ))}
          </ul>
          {company.may.edit ? (
            <div className="mt-4">
              <h3 className="mb-2 text-sm font-semibold">Add a contact</h3>
              <ContactForm companyId={company.id} action={upsertContactAction} />
            </div>
          ) : null}
        </section>
        <section aria-labelledby="leads" className={card}>
          <h2 id="leads" className="mb-3 font-semibold">
            Leads ({company.leads.length})
          </h2>
          <ul className="divide-y divide-slate-200 text-sm">
            {company.leads.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center gap-3 py-2">
                <Link href={`/admin/crm/lead/${l.id}`} className="font-medium hover:underline">
                  #{l.id} {SOURCE_LABELS[l.leadSource]}
                </Link>
                <StatusBadge status={l.status} />
                <span className="tabular-nums">{formatMoney(l.estimatedValue)}</span>
                <span className="text-slate-600"><ZonedTime value={l.createdAt} show="date" /></span>
                <span className="text-slate-600">{l.assigneeName ?? "unassigned"}</span>
              </li>
            ))}
          </ul>
          {company.may.createLead ? (
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-semibold">New lead by hand</summary>
              <div className="mt-3">
                <ManualLeadForm companyId={company.id} action={createManualLeadAction} />
              </div>
            </details>
          ) : null}
        </section>
      </div>
      <NotesThread
        notes={notes}
        thread={{ company_id: company.id }}
        people={activeUsers.map((u) => ({ id: u.id, name: u.name }))}
        actions={{ add: addNoteAction, edit: editNoteAction, remove: deleteNoteAction }}
      />
      <section aria-labelledby="company-history" className={card}>
        <h2 id="company-history" className="mb-3 font-semibold">
          History of all its leads
        </h2>
        <LeadTimeline
          items={history.items}
          showLead
          olderHref={history.older ? `/admin/crm/company/${company.id}?before=${history.older}#company-history` : null}
          newestHref={before ? `/admin/crm/company/${company.id}#company-history` : null}
        />
      </section>
    </div>
  );
}
