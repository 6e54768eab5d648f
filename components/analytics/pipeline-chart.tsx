import type { TPipelineByStatus } from "@/lib/analytics/get-pipeline-by-status";
import { ChartCard } from "@/components/analytics/chart-card";
import { LazyPlot } from "@/components/analytics/lazy-plot";
import { STATUS_LABELS } from "@/lib/leads/lead-vocabulary";
import { formatMoney } from "@/components/analytics/format";

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
      <LazyPlot
        spec={{
          kind: "pipeline",
          props: { rows: rows.map(({ status, label, leads, value }) => ({ status, label, leads, value })) },
        }}
      />
    </ChartCard>
  );
}
