import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can, isManager } from "@/lib/auth/permissions";
import { listTemplates } from "@/lib/email/list-templates";
import { listTextTemplates } from "@/lib/sms/list-text-templates";
import { listSequences } from "@/lib/sequences/list-sequences";
import { DELAY_UNIT_LABELS, STEP_KIND_LABELS, type TDelayUnit, type TStepKind } from "@/lib/sequences/sequence-vocabulary";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { SequenceBuilder } from "@/components/sequences/sequence-builder";
import { ActionButton } from "@/components/ui/action-button";
import { smallButton } from "@/components/ui/classes";
import { ActionsTh, DataTable, EmptyRow, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { SequenceSendingForm } from "@/components/sequences/sequence-sending-form";
import { describeWeeklyHours } from "@/components/ui/weekly-hours-fields";
import { archiveSequenceAction, saveSequenceAction, setSequenceSendingAction } from "./actions";

export const metadata: Metadata = { title: "Sequences" };

export default async function SequencesPage() {
  const actor = await requirePageActor();
  const [sequences, templates, textTemplates, settings] = await Promise.all([listSequences(actor), listTemplates(actor), listTextTemplates(actor), getCompanySettings()]);
  const w = settings.sequenceSending;
  const describe = (s: (typeof sequences)[number]["steps"][number]) =>
    `${STEP_KIND_LABELS[s.kind as TStepKind] ?? s.kind}${s.templateName ? ` “${s.templateName}”${s.templateArchived ? " (archived: skipped)" : ""}` : ""}${
      s.delayAmount ? ` after ${s.delayAmount} ${DELAY_UNIT_LABELS[s.delayUnit as TDelayUnit] ?? s.delayUnit}` : ""
    }`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Sequences</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        A sequence sends its steps to a lead as the lead&apos;s rep, each after its delay in business days or hours, and only inside the sending window (
        {describeWeeklyHours(w)}, company time; at most {w.dailyCapPerRep} emails and texts per rep a day). It
        stops by itself when the lead replies, bounces, unsubscribes, is converted, lost, released or given to another rep. Enrol leads from the leads
        table or a lead&apos;s page.
      </p>
      <DataTable caption="Sequences">
        <THead>
          <tr>
            <Th>Name</Th>
            <Th>Steps</Th>
            <Th>Kind</Th>
            <Th numeric>Running</Th>
            <Th numeric>Enrolled</Th>
            <ActionsTh />
          </tr>
        </THead>
        <tbody>
          {sequences.map((s) => (
            <Tr key={s.id}>
              <Td>
                <Link href={`/admin/crm/sequences/${s.id}`} className="font-medium text-brand-700 hover:underline">
                  {s.name}
                </Link>
              </Td>
              <Td className="text-slate-700">
                <ol className="list-decimal pl-4">
                  {s.steps.map((step) => (
                    <li key={step.position}>{describe(step)}</li>
                  ))}
                </ol>
              </Td>
              <Td>{s.shared ? "Shared" : `Personal${s.ownerName && isManager(actor) ? ` (${s.ownerName})` : ""}`}</Td>
              <Td numeric>{s.live}</Td>
              <Td numeric>{s.enrolled}</Td>
              <Td className="text-right">
                {s.mayChange ? (
                  <ActionButton action={archiveSequenceAction} fields={{ sequence_id: s.id }} label="Archive" className={smallButton} ariaLabel={`Archive ${s.name}`} />
                ) : null}
              </Td>
            </Tr>
          ))}
          {sequences.length === 0 ? <EmptyRow colSpan={6}>No sequences yet: build the first one below.</EmptyRow> : null}
        </tbody>
      </DataTable>
      {can(actor, "settings.manage") ? (
        <section aria-labelledby="sending-window" className="rounded-lg border bg-white p-4">
          <h2 id="sending-window" className="mb-3 font-semibold">
            Sending window
          </h2>
          <SequenceSendingForm settings={w} action={setSequenceSendingAction} />
        </section>
      ) : null}
      <section className="rounded-lg border bg-white p-4">
        <SequenceBuilder
          action={saveSequenceAction}
          templates={templates.map((t) => ({ id: t.id, name: t.name, shared: t.shared }))}
          textTemplates={textTemplates.templates.map((t) => ({ id: t.id, name: t.name, body: t.body }))}
          canShare={isManager(actor)}
        />
      </section>
    </div>
  );
}
