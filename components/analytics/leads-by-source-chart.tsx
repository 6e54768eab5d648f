import type { TLeadsBySource } from "@/lib/analytics/get-leads-by-source";
import { ChartCard } from "@/components/analytics/chart-card";
import { LazyPlot } from "@/components/analytics/lazy-plot";
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
      <LazyPlot
        spec={{
          kind: "leadsBySource",
          props: {
            rows,
            series: sources
              .filter((s) => data.totals[s] > 0)
              .map((s) => ({ key: s, name: SOURCE_LABELS[s], color: sources.indexOf(s) })),
          },
        }}
      />
    </ChartCard>
  );
}
