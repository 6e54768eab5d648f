import type { TTimeToConversion } from "@/lib/analytics/get-time-to-conversion";
import { ChartCard } from "@/components/analytics/chart-card";
import { FigureTile as Figure } from "@/components/analytics/figure-tile";
import { LazyPlot } from "@/components/analytics/lazy-plot";

type TData = TTimeToConversion;

export function TimeToConversionChart({ data, fileSuffix }: { data: TData; fileSuffix: string }) {
  const days = (n: number, count: number) => (count > 0 ? `${n.toFixed(1)} days` : "—");
  return (
    <ChartCard
      id="time-to-conversion"
      title="Time to conversion"
      description="For conversions booked in the range: days from the lead's arrival to the deal, and pipeline velocity from the first logged contact to the deal."
      emptyMessage="No conversions were booked in this range. Each conversion adds its lead's time from arrival to deal."
      isEmpty={data.conversions === 0}
      summary={
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <Figure
            label="Median, arrival → deal"
            value={days(data.medianDays, data.conversions)}
            testId="median-days"
          />
          <Figure
            label="Average, arrival → deal"
            value={days(data.averageDays, data.conversions)}
            testId="average-days"
          />
          <Figure
            label="Median, first contact → deal"
            value={days(data.medianContactToDealDays, data.contacted)}
            testId="median-velocity"
          />
          <Figure
            label="Conversions (with a contact)"
            value={`${data.conversions} (${data.contacted})`}
            testId="conversions-count"
          />
        </dl>
      }
      columns={[
        { key: "label", label: "Days to convert" },
        { key: "conversions", label: "Conversions", format: "int" },
      ]}
      rows={data.buckets}
      fileSuffix={fileSuffix}
    >
      <LazyPlot spec={{ kind: "timeToConversion", props: { rows: data.buckets } }} />
    </ChartCard>
  );
}
