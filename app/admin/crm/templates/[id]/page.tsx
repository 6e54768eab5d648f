import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getTemplate } from "@/lib/email/get-template";
import { listPreviewLeads } from "@/lib/email/list-preview-leads";
import { TemplateEditor } from "@/components/email/template-editor";
import { saveTemplateAction, sendTestEmailAction } from "../actions";
import { ZonedTime } from "@/components/ui/zoned-time";

export const metadata: Metadata = { title: "Edit template" };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ lead?: string }> };

export default async function TemplatePage({ params, searchParams }: TProps) {
  const actor = await requirePageActor();
  const { id } = await params;
  const lead = Number((await searchParams).lead) || undefined;
  const template = await getTemplate(actor, { id: Number(id) }).catch((e) => {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  });
  const previewLeads = await listPreviewLeads(actor, { include: lead });
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/crm/templates" className="text-sm text-brand-700 hover:underline">
          ← Templates
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          {template.name} <span className="text-base font-normal text-slate-500">v{template.version} · {template.shared ? "shared" : "personal"}</span>
        </h1>
      </div>
      <TemplateEditor
        key={template.version}
        template={template}
        canShare={can(actor, "templates.manage")}
        previewLeads={previewLeads}
        initialPreviewLeadId={lead}
        saveAction={saveTemplateAction}
        testAction={sendTestEmailAction}
      />
      <section aria-labelledby="versions" className="space-y-2">
        <h2 id="versions" className="text-lg font-semibold">
          Versions sent
        </h2>
        <p className="text-sm text-slate-600">
          Version {template.version} is current (saved <ZonedTime value={template.updatedAt} />
          {template.updatedByName ? ` by ${template.updatedByName}` : ""}). Every email keeps the text of the version it was sent with.
        </p>
        {template.versions.length ? (
          <table className="min-w-full rounded-lg border border-slate-200 bg-white text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th className="px-3 py-2">Version</th>
                <th className="px-3 py-2">Emails</th>
                <th className="px-3 py-2">Last sent</th>
                <th className="px-3 py-2">Last subject</th>
              </tr>
            </thead>
            <tbody>
              {template.versions.map((v) => (
                <tr key={v.version} className="border-t">
                  <td className="px-3 py-2 tabular-nums">
                    v{v.version}
                    {v.version === template.version ? " (current)" : ""}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{v.sent}</td>
                  <td className="px-3 py-2"><ZonedTime value={v.lastSentAt} /></td>
                  <td className="px-3 py-2">{v.lastSubject}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-slate-500">No emails sent from this template yet.</p>
        )}
      </section>
    </div>
  );
}
