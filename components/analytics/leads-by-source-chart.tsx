"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TLeadsBySource } from "@/lib/analytics/get-leads-by-source";
import { ChartCard } from "@/components/analytics/chart-card";
import { AXIS_TICK, CHART_HEIGHT, colorAt } from "@/components/analytics/chart-theme";
import { SOURCE_LABELS } from "@/lib/leads/lead-vocabulary";
import { bucketLabel } from "@/components/analytics/format";

type TData = TLeadsBySource;

export function LeadsBySourceChart({ data, fileSuffix }: { data: TData; fileSuffix: string }) {
  const sources = Object.keys(SOURCE_LABELS) as (keyof TLeadsBySource["totals"])[];
  const rows = data.buckets.map((b) => ({ ...b, label: bucketLabel(b.bucket, data.unit) }));
  const columns = [
    { key: "bucket", label: data.unit === "day" ? "Day" : data.unit === "week" ? "Week of" : "Month" },
    ...sources.map((s) => ({ key: s, label: SOURCE_LABELS[s], format: "int" as const })),
    { key: "total", label: "Total", format: "int" as const },
  ];
  return (
    <ChartCard
      id="leads-by-source"
      title="Leads by source"
      description={`New leads per ${data.unit}, by the free tool they came from.`}
      emptyMessage="No leads came in during this range. Each use of a free tool (load plan, quote, location share, order) becomes a lead here."
      isEmpty={Object.values(data.totals).every((n) => n === 0)}
      columns={columns}
      rows={data.buckets}
      fileSuffix={fileSuffix}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={12} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
          <Tooltip />
          <Legend />
          {sources
            .filter((s) => data.totals[s] > 0)
            .map((s) => (
              <Bar isAnimationActive={false} key={s} dataKey={s} name={SOURCE_LABELS[s]} stackId="leads" fill={colorAt(sources.indexOf(s))} />
            ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
