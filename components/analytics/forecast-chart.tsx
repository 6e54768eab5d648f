"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TPipelineForecast } from "@/lib/analytics/get-pipeline-forecast";
import { ChartCard } from "@/components/analytics/chart-card";
import { AXIS_TICK, CHART_HEIGHT, colorAt } from "@/components/analytics/chart-theme";
import { SOURCE_LABELS } from "@/lib/leads/lead-vocabulary";
import { compactMoney, formatMoney } from "@/components/analytics/format";

type TData = TPipelineForecast;

export function ForecastChart({ data, fileSuffix }: { data: TData; fileSuffix: string }) {
  const rows = data.sources.map((s) => ({ ...s, label: SOURCE_LABELS[s.source] ?? s.source }));
  return (
    <ChartCard
      id="forecast"
      title="Pipeline forecast"
      description={`Open leads created in the range × the historical conversion rate of their source (converted ÷ closed, all time, same filters): ${formatMoney(data.forecastValue)} expected of ${formatMoney(data.openValue)} open.`}
      emptyMessage="No open leads were created in this range. The forecast weighs pending, assigned and in-progress leads by how often their source converts."
      isEmpty={data.sources.every((s) => s.openLeads === 0)}
      columns={[
        { key: "label", label: "Source" },
        { key: "openLeads", label: "Open leads", format: "int" },
        { key: "openValue", label: "Open value", format: "money" },
        { key: "historicalRate", label: "Historical rate", format: "pct" },
        { key: "closedLeads", label: "Closed leads behind the rate", format: "int" },
        { key: "forecastValue", label: "Forecast", format: "money" },
      ]}
      rows={rows.map(({ label, openLeads, openValue, historicalRate, closedLeads, forecastValue }) => ({ label, openLeads, openValue, historicalRate, closedLeads, forecastValue }))}
      fileSuffix={fileSuffix}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={rows.filter((r) => r.openLeads > 0)} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} interval={0} />
          <YAxis tickFormatter={compactMoney} tick={AXIS_TICK} width={56} />
          <Tooltip formatter={(v) => formatMoney(Number(v))} />
          <Legend />
          <Bar isAnimationActive={false} dataKey="openValue" name="Open value" fill={colorAt(4)} />
          <Bar isAnimationActive={false} dataKey="forecastValue" name="Forecast" fill={colorAt(2)} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
