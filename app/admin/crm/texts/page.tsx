import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listTextTemplates } from "@/lib/sms/list-text-templates";
import { TextTemplateForm } from "@/components/sms/text-template-form";
import { ZonedTime } from "@/components/ui/zoned-time";
import { archiveTextTemplateAction, saveTextTemplateAction } from "./actions";

export const metadata: Metadata = { title: "Text templates" };

export default async function TextTemplatesPage() {
  const actor = await requirePageActor();
  const { canEdit, templates } = await listTextTemplates(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Text templates</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        Short texts every rep can send from a lead page. The {"{{variables}}"} are the email templates&apos; and are filled in for each lead.
        {canEdit ? " Each save is a new version; sent texts keep the words they went out with." : " The manager writes them."}
      </p>
      {canEdit ? (
        <section aria-labelledby="new-text-template" className="rounded-lg border bg-white p-4">
          <h2 id="new-text-template" className="mb-2 font-semibold">
            New text template
          </h2>
          <TextTemplateForm save={saveTextTemplateAction} />
        </section>
      ) : null}
      <ul className="space-y-3">
        {templates.map((t) => (
          <li key={t.id} className="rounded-lg border bg-white p-4" data-testid="text-template">
            <h2 className="font-semibold">
              {t.name} <span className="text-sm font-normal text-slate-500">v{t.version}</span>
            </h2>
            <p className="mb-2 text-sm text-slate-600">
              <ZonedTime value={t.updatedAt} show="date" />
              {t.updatedByName ? ` · ${t.updatedByName}` : ""}
            </p>
            {canEdit ? (
              <TextTemplateForm key={`${t.id}-${t.version}`} template={t} save={saveTextTemplateAction} archive={archiveTextTemplateAction} />
            ) : (
              <p className="whitespace-pre-wrap text-sm">{t.body}</p>
            )}
          </li>
        ))}
      </ul>
      {templates.length === 0 ? <p className="text-slate-500">No text templates yet.</p> : null}
    </div>
  );
}
