import type { TTerritoryRow } from "@/lib/analytics/get-territory-comparison";
import { ChartCard } from "@/components/analytics/chart-card";
import { LazyPlot } from "@/components/analytics/lazy-plot";

type TRow = TTerritoryRow;

export function TerritoryChart({ rows, fileSuffix }: { rows: TRow[]; fileSuffix: string }) {
  return (
    <ChartCard
      id="territories"
      title="Territory comparison"
      description="Leads created in the range that touch a territory's states (a lead crossing two territories counts in both): coverage is the share worked at least once."
      emptyMessage={
        rows.length
          ? "No leads touched any territory in this range."
          : "No territories are defined yet. The manager draws them on the territories page."
      }
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
      <LazyPlot
        spec={{
          kind: "percentBars",
          props: {
            nameKey: "name",
            rows: rows.map(({ name, coverage, conversionRate }) => ({ name, coverage, conversionRate })),
            series: [
              { key: "coverage", name: "Coverage", color: 4 },
              { key: "conversionRate", name: "Conversion rate", color: 0 },
            ],
          },
        }}
      />
    </ChartCard>
  );
}
