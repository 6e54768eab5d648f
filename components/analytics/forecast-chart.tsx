import type { TPipelineForecast } from "@/lib/analytics/get-pipeline-forecast";
import { ChartCard } from "@/components/analytics/chart-card";
import { LazyPlot } from "@/components/analytics/lazy-plot";
import { SOURCE_LABELS } from "@/lib/leads/lead-vocabulary";
import { formatMoney } from "@/components/analytics/format";

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
      rows={rows.map(({ label, openLeads, openValue, historicalRate, closedLeads, forecastValue }) => ({
        label,
        openLeads,
        openValue,
        historicalRate,
        closedLeads,
        forecastValue,
      }))}
      fileSuffix={fileSuffix}
    >
      <LazyPlot
        spec={{
          kind: "moneyBars",
          props: {
            rows: rows
              .filter((r) => r.openLeads > 0)
              .map(({ label, openValue, forecastValue }) => ({ label, openValue, forecastValue })),
            series: [
              { key: "openValue", name: "Open value", color: 4 },
              { key: "forecastValue", name: "Forecast", color: 2 },
            ],
          },
        }}
      />
    </ChartCard>
  );
}
