"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TRepPerformanceRow } from "@/lib/analytics/get-rep-performance";
import { ChartCard } from "@/components/analytics/chart-card";
import { AXIS_TICK, CHART_HEIGHT, colorAt } from "@/components/analytics/chart-theme";

type TRow = TRepPerformanceRow;

const COLUMNS = [
  { key: "rank", label: "Rank", format: "int" as const },
  { key: "name", label: "Rep" },
  { key: "leadsAssigned", label: "Leads assigned", format: "int" as const },
  { key: "conversions", label: "Conversions", format: "int" as const },
  { key: "conversionRate", label: "Conversion rate", format: "pct" as const },
  { key: "totalValue", label: "Total value", format: "money" as const },
  { key: "averageValue", label: "Average value", format: "money" as const },
];

export function RepPerformanceChart({ rows, fileSuffix }: { rows: TRow[]; fileSuffix: string }) {
  return (
    <ChartCard
      id="rep-performance"
      title="Rep performance"
      description="Leads assigned in the range and how many of them converted, ranked by conversion rate. A conversion counts for the rep who held the lead when it converted."
      emptyMessage="No leads were assigned in this range. Reps appear here once they claim or are assigned leads."
      isEmpty={rows.every((r) => r.leadsAssigned === 0)}
      columns={COLUMNS}
      rows={rows}
      fileSuffix={fileSuffix}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={AXIS_TICK} interval={0} tickFormatter={(n: string) => n.split(" ")[0]} />
          <YAxis yAxisId="count" allowDecimals={false} tick={AXIS_TICK} width={40} />
          <YAxis yAxisId="rate" orientation="right" unit="%" domain={[0, 100]} tick={AXIS_TICK} width={44} />
          <Tooltip formatter={(v, name) => (name === "Conversion rate" ? `${Number(v).toFixed(1)} %` : v)} />
          <Legend />
          <Bar isAnimationActive={false} yAxisId="count" dataKey="leadsAssigned" name="Leads assigned" fill={colorAt(4)} />
          <Bar isAnimationActive={false} yAxisId="count" dataKey="conversions" name="Conversions" fill={colorAt(0)} />
          <Line isAnimationActive={false} yAxisId="rate" dataKey="conversionRate" name="Conversion rate" stroke={colorAt(5)} strokeWidth={2} dot={{ r: 4 }} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
