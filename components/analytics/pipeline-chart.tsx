"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TPipelineByStatus } from "@/lib/analytics/get-pipeline-by-status";
import { ChartCard } from "@/components/analytics/chart-card";
import { AXIS_TICK, CHART_HEIGHT, colorAt } from "@/components/analytics/chart-theme";
import { STATUS_LABELS } from "@/lib/leads/lead-vocabulary";
import { compactMoney, formatMoney } from "@/components/analytics/format";

type TData = TPipelineByStatus;

export function PipelineChart({ data, fileSuffix }: { data: TData; fileSuffix: string }) {
  const rows = data.statuses.map((s) => ({ ...s, label: STATUS_LABELS[s.status] ?? s.status }));
  return (
    <ChartCard
      id="pipeline"
      title="Pipeline value by status"
      description={`Estimated value of the leads created in the range, by their status today. Open: ${data.openLeads} leads, ${formatMoney(data.openValue)}.`}
      emptyMessage="No leads were created in this range. Each lead adds its estimated value under its current status."
      isEmpty={data.statuses.every((s) => s.leads === 0)}
      columns={[
        { key: "label", label: "Status" },
        { key: "leads", label: "Leads", format: "int" },
        { key: "value", label: "Estimated value", format: "money" },
      ]}
      rows={rows.map(({ label, leads, value }) => ({ label, leads, value }))}
      fileSuffix={fileSuffix}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} interval={0} />
          <YAxis tickFormatter={compactMoney} tick={AXIS_TICK} width={56} />
          <Tooltip formatter={(v, _n, item) => [`${formatMoney(Number(v))} (${(item.payload as { leads: number }).leads} leads)`, "Estimated value"]} />
          <Bar isAnimationActive={false} dataKey="value" name="Estimated value">
            {rows.map((r, i) => (
              <Cell key={r.status} fill={colorAt(i)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
