import type { TRevenueByMonth } from "@/lib/analytics/get-revenue-by-month";
import { ChartCard } from "@/components/analytics/chart-card";
import { LazyPlot } from "@/components/analytics/lazy-plot";
import { bucketLabel, formatMoney } from "@/components/analytics/format";

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
      <LazyPlot
        spec={{
          kind: "moneyBars",
          props: {
            rows,
            stacked: true,
            series: data.reps.map((r, i) => ({ key: `rep_${repKey(r.repId)}`, name: r.name, color: i })),
          },
        }}
      />
    </ChartCard>
  );
}
