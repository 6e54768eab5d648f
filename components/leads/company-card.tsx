import Link from "next/link";
import { telHref } from "@/components/leads/format";

import type { TCompanySummary as TCompany, TContactSummary as TContact } from "@/lib/companies/company-summary";

export function PhoneLink({ phone }: { phone: string | null }) {
  if (!phone) return null;
  return (
    <a href={telHref(phone)} className="text-brand-700 underline">
      {phone}
    </a>
  );
}

export function EmailLink({ email }: { email: string | null }) {
  if (!email) return null;
  return (
    <a href={`mailto:${email}`} className="break-all text-brand-700 underline">
      {email}
    </a>
  );
}

/** A person: name and title, then their number and address as links. */
export function ContactLine({ contact: c }: { contact: TContact }) {
  return (
    <>
      <p className="font-medium">
        {c.name}
        {c.title ? <span className="font-normal text-slate-600"> · {c.title}</span> : null}
      </p>
      <p className="flex flex-wrap gap-x-3">
        <PhoneLink phone={c.phone} />
        <EmailLink email={c.email} />
      </p>
    </>
  );
}

/** The company and the people to call, every number and address one tap away. */
export function CompanyCard({ company, contacts }: { company: TCompany; contacts: TContact[] }) {
  return (
    <section aria-labelledby="company" className="rounded-lg border bg-white p-4 text-sm">
      <h2 id="company" className="mb-2 font-semibold">
        <Link href={`/admin/crm/company/${company.id}`} className="hover:underline">
          {company.name}
        </Link>
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        {company.phone ? (
          <>
            <dt className="text-slate-600">Phone</dt>
            <dd>
              <PhoneLink phone={company.phone} />
            </dd>
          </>
        ) : null}
        {company.email ? (
          <>
            <dt className="text-slate-600">Email</dt>
            <dd>
              <EmailLink email={company.email} />
            </dd>
          </>
        ) : null}
        {company.city || company.state ? (
          <>
            <dt className="text-slate-600">Based in</dt>
            <dd>{[company.city, company.state].filter(Boolean).join(", ")}</dd>
          </>
        ) : null}
        {company.usdot ? (
          <>
            <dt className="text-slate-600">USDOT</dt>
            <dd>{company.usdot}</dd>
          </>
        ) : null}
        {company.mcNumber ? (
          <>
            <dt className="text-slate-600">MC</dt>
            <dd>{company.mcNumber}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="mb-1 mt-4 font-medium">Contacts</h3>
      {contacts.length ? (
        <ul className="space-y-2">
          {contacts.map((c) => (
            <li key={c.id}>
              <ContactLine contact={c} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600">
          No contacts yet.{" "}
          <Link href={`/admin/crm/company/${company.id}`} className="underline">
            Add one
          </Link>
        </p>
      )}
    </section>
  );
}
