"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TRevenueByMonth } from "@/lib/analytics/get-revenue-by-month";
import { ChartCard } from "@/components/analytics/chart-card";
import { AXIS_TICK, CHART_HEIGHT, colorAt } from "@/components/analytics/chart-theme";
import { bucketLabel, compactMoney, formatMoney } from "@/components/analytics/format";

type TData = TRevenueByMonth;

const repKey = (id: number | null) => (id === null ? "none" : String(id));

export function RevenueChart({ data, fileSuffix }: { data: TData; fileSuffix: string }) {
  const tableRows = data.months.map((m) => ({
    month: m.month,
    ...Object.fromEntries(data.reps.map((r) => [`rep_${repKey(r.repId)}`, m.byRep[repKey(r.repId)] ?? 0])),
    revenue: m.revenue,
    conversions: m.conversions,
  }));
  const rows = tableRows.map((r) => ({ ...r, label: bucketLabel(r.month, "month") }));
  const columns = [
    { key: "month", label: "Month" },
    ...data.reps.map((r) => ({ key: `rep_${repKey(r.repId)}`, label: r.name, format: "money" as const })),
    { key: "revenue", label: "Total", format: "money" as const },
    { key: "conversions", label: "Conversions", format: "int" as const },
  ];
  return (
    <ChartCard
      id="revenue"
      title="Revenue by month and rep"
      description={`Booked conversion value by the month it was booked, credited to the rep who held the lead. Total ${formatMoney(data.total)}.`}
      emptyMessage="No conversions were booked in this range. Revenue appears when a rep converts a lead or an order arrives."
      isEmpty={data.total === 0}
      columns={columns}
      rows={tableRows}
      fileSuffix={fileSuffix}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} />
          <YAxis tickFormatter={compactMoney} tick={AXIS_TICK} width={56} />
          <Tooltip formatter={(v) => formatMoney(Number(v))} />
          <Legend />
          {data.reps.map((r, i) => (
            <Bar isAnimationActive={false} key={repKey(r.repId)} dataKey={`rep_${repKey(r.repId)}`} name={r.name} stackId="revenue" fill={colorAt(i)} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
