import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listTemplates } from "@/lib/email/list-templates";
import { ArchiveTemplateButton } from "@/components/email/archive-template-button";
import { ActionsTh, DataTable, EmptyRow, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { archiveTemplateAction } from "./actions";
import { ZonedTime } from "@/components/ui/zoned-time";

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
      <DataTable caption="Email templates">
        <THead>
          <tr>
            <Th>Name</Th>
            <Th>Subject</Th>
            <Th>Kind</Th>
            <Th>Version</Th>
            <Th>Last saved</Th>
            <ActionsTh />
          </tr>
        </THead>
        <tbody>
          {templates.map((t) => (
            <Tr key={t.id}>
              <Td>
                <Link href={`/admin/crm/templates/${t.id}`} className="font-medium text-brand-700 hover:underline">
                  {t.name}
                </Link>
              </Td>
              <Td className="text-slate-700">{t.subject}</Td>
              <Td>{t.shared ? "Shared" : "Personal"}</Td>
              <Td className="tabular-nums">v{t.version}</Td>
              <Td className="text-slate-600">
                <ZonedTime value={t.updatedAt} show="date" />
                {t.updatedByName ? ` · ${t.updatedByName}` : ""}
              </Td>
              <Td className="text-right">{t.canEdit ? <ArchiveTemplateButton id={t.id} name={t.name} action={archiveTemplateAction} /> : null}</Td>
            </Tr>
          ))}
          {templates.length === 0 ? <EmptyRow colSpan={6}>No templates yet.</EmptyRow> : null}
        </tbody>
      </DataTable>
    </div>
  );
}
