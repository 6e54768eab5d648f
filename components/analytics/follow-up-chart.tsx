import { ChartCard } from "@/components/analytics/chart-card";
import { LazyPlot } from "@/components/analytics/lazy-plot";

type TGroup = {
  verdict: string;
  followUps: number;
  leads: number;
  converted: number;
  conversionRate: number;
};

const LABELS: Record<string, string> = { kept: "Kept on time", late: "Late", missed: "Missed" };

export function FollowUpChart({
  groups,
  notYetDue,
  fileSuffix,
}: {
  groups: TGroup[];
  notYetDue: number;
  fileSuffix: string;
}) {
  const rows = groups.map((g) => ({ ...g, label: LABELS[g.verdict] ?? g.verdict }));
  return (
    <ChartCard
      id="follow-ups"
      title="Follow-up effectiveness"
      description={
        <>
          Follow-ups due in the range. <strong>Kept</strong>: the lead was touched again (any action, or
          closed) by the end of the day after the follow-up date; <strong>late</strong>: only after that;{" "}
          <strong>missed</strong>: never. Each lead is grouped by its worst follow-up; bars show how many of
          those leads converted.{notYetDue > 0 ? ` ${notYetDue} follow-ups are not due yet.` : ""}
        </>
      }
      emptyMessage="No follow-ups fell due in this range. They come from the follow-up date reps set when they log a call or email."
      isEmpty={groups.every((g) => g.followUps === 0)}
      columns={[
        { key: "label", label: "Follow-ups" },
        { key: "followUps", label: "Follow-ups", format: "int" },
        { key: "leads", label: "Leads", format: "int" },
        { key: "converted", label: "Converted", format: "int" },
        { key: "conversionRate", label: "Conversion rate", format: "pct" },
      ]}
      rows={rows.map(({ label, followUps, leads, converted, conversionRate }) => ({
        label,
        followUps,
        leads,
        converted,
        conversionRate,
      }))}
      fileSuffix={fileSuffix}
    >
      <LazyPlot
        spec={{
          kind: "followUps",
          props: {
            rows: rows.map(({ verdict, label, leads, conversionRate }) => ({
              verdict,
              label,
              leads,
              conversionRate,
            })),
          },
        }}
      />
    </ChartCard>
  );
}
