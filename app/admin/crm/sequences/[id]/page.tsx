import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { orNotFound } from "@/lib/leads/or-not-found";
import { getSequenceReport } from "@/lib/sequences/get-sequence-report";
import { STEP_KIND_LABELS, stopReasonLabel, type TStepKind } from "@/lib/sequences/sequence-vocabulary";
import { StatCard } from "@/components/stat-card";
import { SequenceDefinitions } from "@/components/sequences/sequence-definitions";
import { SequenceFiguresCard } from "@/components/sequences/sequence-report-card";

export const metadata: Metadata = { title: "Sequence report" };

type TProps = { params: Promise<{ id: string }> };

export default async function SequenceReportPage({ params }: TProps) {
  const actor = await requirePageActor();
  const { id } = await params;
  const { totals, steps, stops } = await orNotFound(() => getSequenceReport.fromRequest(actor, { sequence_id: id }));
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-600">
          <Link href="/admin/crm/sequences" className="underline">
            Sequences
          </Link>{" "}
          / {totals.name}
        </p>
        <h1 className="text-2xl font-semibold">{totals.name}</h1>
      </header>
      <section aria-label="Totals" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard label="Enrolled" value={totals.enrolled} hint={`${totals.active} running, ${totals.paused} paused`} testId="seq-enrolled" />
        <StatCard label="Completed" value={totals.completed} testId="seq-completed" />
        <StatCard label="Stopped" value={totals.stopped} testId="seq-stopped" />
        <StatCard label="Converted" value={totals.converted} testId="seq-converted" />
      </section>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <SequenceFiguresCard
          id="sequence-steps"
          title="By step"
          description="What each step did; the bar is how many times it ran."
          barKey="sent"
          emptyMessage="This sequence has no steps."
          fileSuffix="all-time"
          columns={[
            { key: "step", label: "Step" },
            { key: "sent", label: "Sent", format: "int" },
            { key: "skipped", label: "Skipped", format: "int" },
            { key: "opened", label: "Opened", format: "int" },
            { key: "clicked", label: "Clicked", format: "int" },
            { key: "replied", label: "Replied", format: "int" },
            { key: "stopped", label: "Stopped", format: "int" },
          ]}
          rows={steps.map((s) => ({ step: `${s.position + 1}. ${STEP_KIND_LABELS[s.kind as TStepKind] ?? s.kind}`, sent: s.sent, skipped: s.skipped, opened: s.opened, clicked: s.clicked, replied: s.replied, stopped: s.stopped }))}
        />
        <SequenceFiguresCard
          id="sequence-stops"
          title="Stopped, by reason"
          description="Why enrolments ended early, and at which step."
          barKey="count"
          emptyMessage="No enrolment has stopped early."
          fileSuffix="all-time"
          columns={[
            { key: "reason", label: "Reason" },
            { key: "step", label: "Next step", format: "int" },
            { key: "count", label: "Enrolments", format: "int" },
          ]}
          rows={stops.map((s) => ({ reason: stopReasonLabel(s.reason), step: s.position + 1, count: s.count }))}
        />
      </div>
      <section aria-labelledby="how-counted" className="rounded-lg border bg-white p-4 text-sm text-slate-700">
        <h2 id="how-counted" className="font-semibold text-slate-900">
          How these figures are counted
        </h2>
        <SequenceDefinitions scope="all_time" />
      </section>
    </div>
  );
}
