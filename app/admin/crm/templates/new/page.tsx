import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listPreviewLeads } from "@/lib/email/list-preview-leads";
import { TemplateEditor } from "@/components/email/template-editor";
import { saveTemplateAction, sendTestEmailAction } from "../actions";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage() {
  const actor = await requirePageActor();
  const previewLeads = await listPreviewLeads(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New template</h1>
      <TemplateEditor
        template={null}
        canShare={can(actor, "templates.manage")}
        previewLeads={previewLeads}
        saveAction={saveTemplateAction}
        testAction={sendTestEmailAction}
      />
    </div>
  );
}
