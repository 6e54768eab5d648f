"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TTerritoryRow } from "@/lib/analytics/get-territory-comparison";
import { ChartCard } from "@/components/analytics/chart-card";
import { AXIS_TICK, CHART_HEIGHT, colorAt } from "@/components/analytics/chart-theme";

type TRow = TTerritoryRow;

export function TerritoryChart({ rows, fileSuffix }: { rows: TRow[]; fileSuffix: string }) {
  return (
    <ChartCard
      id="territories"
      title="Territory comparison"
      description="Leads created in the range that touch a territory's states (a lead crossing two territories counts in both): coverage is the share worked at least once."
      emptyMessage={rows.length ? "No leads touched any territory in this range." : "No territories are defined yet. The manager draws them on the territories page."}
      isEmpty={rows.every((r) => r.leads === 0)}
      columns={[
        { key: "name", label: "Territory" },
        { key: "states", label: "States" },
        { key: "reps", label: "Reps", format: "int" },
        { key: "leads", label: "Leads", format: "int" },
        { key: "worked", label: "Worked", format: "int" },
        { key: "coverage", label: "Coverage", format: "pct" },
        { key: "conversions", label: "Conversions", format: "int" },
        { key: "conversionRate", label: "Conversion rate", format: "pct" },
        { key: "revenue", label: "Revenue", format: "money" },
      ]}
      rows={rows.map((r) => ({ ...r, states: r.states.join(" ") }))}
      fileSuffix={fileSuffix}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={AXIS_TICK} interval={0} />
          <YAxis unit="%" domain={[0, 100]} tick={AXIS_TICK} width={48} />
          <Tooltip formatter={(v) => `${Number(v).toFixed(1)} %`} />
          <Legend />
          <Bar isAnimationActive={false} dataKey="coverage" name="Coverage" fill={colorAt(4)} />
          <Bar isAnimationActive={false} dataKey="conversionRate" name="Conversion rate" fill={colorAt(0)} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
