"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/analytics/chart-card";
import { AXIS_TICK, CHART_HEIGHT, colorAt } from "@/components/analytics/chart-theme";

type TStage = { stage: string; leads: number; rateFromPrevious: number; rateFromStart: number };

const LABELS: Record<string, string> = { pending: "Pending", assigned: "Assigned", contacted: "Contacted", interested: "Interested", converted: "Converted" };

export function FunnelChart({ stages, fileSuffix }: { stages: TStage[]; fileSuffix: string }) {
  const rows = stages.map((s) => ({ ...s, label: LABELS[s.stage] ?? s.stage, note: `${s.leads} · ${s.rateFromPrevious.toFixed(1)} %` }));
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
      rows={rows.map(({ label, leads, rateFromPrevious, rateFromStart }) => ({ label, leads, rateFromPrevious, rateFromStart }))}
      fileSuffix={fileSuffix}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 72, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={80} />
          <Tooltip formatter={(v, _n, item) => [`${v} leads (${(item.payload as TStage).rateFromStart.toFixed(1)} % of pending)`, "Leads"]} />
          <Legend formatter={() => "Leads · share moved on from the stage before"} />
          <Bar isAnimationActive={false} dataKey="leads" name="Leads" fill={colorAt(0)}>
            <LabelList dataKey="note" position="right" style={{ fontSize: 12, fill: "#334155" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
