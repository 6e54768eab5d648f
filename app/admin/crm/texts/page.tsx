import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getCompanySettings, TCPA_TEXT_HOURS } from "@/lib/kernel/company-settings";
import { listTextTemplates } from "@/lib/sms/list-text-templates";
import { listUnmatchedTexts } from "@/lib/sms/list-unmatched-texts";
import { TextTemplateForm } from "@/components/sms/text-template-form";
import { TextSendingHoursForm } from "@/components/sms/text-sending-hours-form";
import { UnmatchedTextList } from "@/components/sms/unmatched-text-list";
import { describeWeeklyHours } from "@/components/ui/weekly-hours-fields";
import { ZonedTime } from "@/components/ui/zoned-time";
import { archiveTextTemplateAction, saveTextTemplateAction, setTextSendingHoursAction } from "./actions";

export const metadata: Metadata = { title: "Texts" };

export default async function TextsPage() {
  const actor = await requirePageActor();
  const [{ canEdit, templates }, settings] = await Promise.all([listTextTemplates(actor), getCompanySettings()]);
  const unmatched = can(actor, "texts.unmatched") ? await listUnmatchedTexts(actor) : null;
  const hours = settings.textSendingHours;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Texts</h1>

      <section aria-labelledby="texting-hours" className="rounded-lg border bg-white p-4">
        <h2 id="texting-hours" className="mb-2 font-semibold">
          Texting hours
        </h2>
        <p className="mb-3 max-w-3xl text-sm text-slate-600" data-testid="texting-hours-now">
          Texts go out {describeWeeklyHours(hours)} in the lead&apos;s own time zone (its state&apos;s; the company&apos;s when the state is
          unknown). A rep&apos;s text outside them is refused; a sequence&apos;s waits until they open. Never before {TCPA_TEXT_HOURS.earliest} or
          after {TCPA_TEXT_HOURS.latest} (TCPA quiet hours).
        </p>
        {can(actor, "settings.manage") ? <TextSendingHoursForm key={JSON.stringify(hours)} hours={hours} bounds={TCPA_TEXT_HOURS} action={setTextSendingHoursAction} /> : null}
      </section>

      <section aria-labelledby="text-templates" className="space-y-3">
        <h2 id="text-templates" className="text-lg font-semibold">
          Text templates
        </h2>
        <p className="max-w-3xl text-sm text-slate-600">
          Short texts every rep can send from a lead page or a sequence. The {"{{variables}}"} are the email templates&apos; and are filled in for each
          lead.
          {canEdit ? " Each save is a new version; sent texts keep the words they went out with." : " The manager writes them."}
        </p>
        {canEdit ? (
          <div className="rounded-lg border bg-white p-4">
            <h3 className="mb-2 font-semibold">New text template</h3>
            <TextTemplateForm save={saveTextTemplateAction} />
          </div>
        ) : null}
        <ul className="space-y-3">
          {templates.map((t) => (
            <li key={t.id} className="rounded-lg border bg-white p-4" data-testid="text-template">
              <h3 className="font-semibold">
                {t.name} <span className="text-sm font-normal text-slate-500">v{t.version}</span>
              </h3>
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
      </section>

      {unmatched ? <UnmatchedTextList total={unmatched.total} texts={unmatched.texts} /> : null}
    </div>
  );
}
