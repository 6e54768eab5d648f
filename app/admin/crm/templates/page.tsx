import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listTemplates } from "@/lib/email/list-templates";
import { ArchiveTemplateButton } from "@/components/email/archive-template-button";
import { archiveTemplateAction } from "./actions";
import { formatDate } from "@/components/leads/format";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Email templates" };

export default async function TemplatesPage() {
  const actor = await requirePageActor();
  const templates = await listTemplates(actor);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Email templates</h1>
        <Link href="/admin/crm/templates/new" className="ml-auto rounded bg-brand-600 px-4 py-2 text-sm text-white">
          New template
        </Link>
      </div>
      <p className="max-w-3xl text-sm text-slate-600">
        Shared templates are the manager&apos;s and every rep can use them; your personal templates are yours alone. Each save is a new
        version; every sent email keeps the exact text it went out with.
      </p>
      <ScrollRegion label="Templates" className="rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Subject</th>
              <th className="px-3 py-2">Kind</th>
              <th className="px-3 py-2">Version</th>
              <th className="px-3 py-2">Last saved</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr key={t.id} className="border-t">
                <td className="px-3 py-2">
                  <Link href={`/admin/crm/templates/${t.id}`} className="font-medium text-brand-700 hover:underline">
                    {t.name}
                  </Link>
                </td>
                <td className="px-3 py-2 text-slate-700">{t.subject}</td>
                <td className="px-3 py-2">{t.shared ? "Shared" : "Personal"}</td>
                <td className="px-3 py-2 tabular-nums">v{t.version}</td>
                <td className="px-3 py-2 text-slate-600">
                  {formatDate(t.updatedAt)}
                  {t.updatedByName ? ` · ${t.updatedByName}` : ""}
                </td>
                <td className="px-3 py-2 text-right">{t.canEdit ? <ArchiveTemplateButton id={t.id} name={t.name} action={archiveTemplateAction} /> : null}</td>
              </tr>
            ))}
            {templates.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
                  No templates yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
