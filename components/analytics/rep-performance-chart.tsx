import type { TRepPerformanceRow } from "@/lib/analytics/get-rep-performance";
import { ChartCard } from "@/components/analytics/chart-card";
import { LazyPlot } from "@/components/analytics/lazy-plot";

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
      <LazyPlot
        spec={{
          kind: "repPerformance",
          props: {
            rows: rows.map(({ name, leadsAssigned, conversions, conversionRate }) => ({
              name,
              leadsAssigned,
              conversions,
              conversionRate,
            })),
          },
        }}
      />
    </ChartCard>
  );
}
