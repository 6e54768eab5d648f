import { ChartCard } from "@/components/analytics/chart-card";
import { LazyPlot } from "@/components/analytics/lazy-plot";

type TStage = { stage: string; leads: number; rateFromPrevious: number; rateFromStart: number };

const LABELS: Record<string, string> = {
  pending: "Pending",
  assigned: "Assigned",
  contacted: "Contacted",
  interested: "Interested",
  converted: "Converted",
};

export function FunnelChart({ stages, fileSuffix }: { stages: TStage[]; fileSuffix: string }) {
  const rows = stages.map((s) => ({
    ...s,
    label: LABELS[s.stage] ?? s.stage,
    note: `${s.leads} · ${s.rateFromPrevious.toFixed(1)} %`,
  }));
  return (
    <ChartCard
      id="funnel"
      title="Conversion funnel"
      description="Leads created in the range by the furthest stage they reached, with the share that moved on from the stage before."
      emptyMessage="No leads were created in this range. The funnel follows new leads from pending to converted."
      isEmpty={(stages[0]?.leads ?? 0) === 0}
      columns={[
        { key: "label", label: "Stage" },
        { key: "leads", label: "Leads", format: "int" },
        { key: "rateFromPrevious", label: "From previous stage", format: "pct" },
        { key: "rateFromStart", label: "From pending", format: "pct" },
      ]}
      rows={rows.map(({ label, leads, rateFromPrevious, rateFromStart }) => ({
        label,
        leads,
        rateFromPrevious,
        rateFromStart,
      }))}
      fileSuffix={fileSuffix}
    >
      <LazyPlot
        spec={{
          kind: "funnel",
          props: {
            rows: rows.map(({ label, leads, rateFromStart, note }) => ({
              label,
              leads,
              rateFromStart,
              note,
            })),
          },
        }}
      />
    </ChartCard>
  );
}
