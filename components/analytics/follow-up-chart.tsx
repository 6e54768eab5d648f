"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/analytics/chart-card";
import { AXIS_TICK, CHART_HEIGHT } from "@/components/analytics/chart-theme";

type TGroup = { verdict: string; followUps: number; leads: number; converted: number; conversionRate: number };

const LABELS: Record<string, string> = { kept: "Kept on time", late: "Late", missed: "Missed" };
const COLORS: Record<string, string> = { kept: "#009E73", late: "#E69F00", missed: "#D55E00" };

export function FollowUpChart({ groups, notYetDue, fileSuffix }: { groups: TGroup[]; notYetDue: number; fileSuffix: string }) {
  const rows = groups.map((g) => ({ ...g, label: LABELS[g.verdict] ?? g.verdict }));
  return (
    <ChartCard
      id="follow-ups"
      title="Follow-up effectiveness"
      description={
        <>
          Follow-ups due in the range. <strong>Kept</strong>: the lead was touched again (any action, or closed) by the end of the day after
          the follow-up date; <strong>late</strong>: only after that; <strong>missed</strong>: never. Each lead is grouped by its worst
          follow-up; bars show how many of those leads converted.{notYetDue > 0 ? ` ${notYetDue} follow-ups are not due yet.` : ""}
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
      rows={rows.map(({ label, followUps, leads, converted, conversionRate }) => ({ label, followUps, leads, converted, conversionRate }))}
      fileSuffix={fileSuffix}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={rows} margin={{ top: 20, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} />
          <YAxis unit="%" domain={[0, 100]} tick={AXIS_TICK} width={48} />
          <Tooltip formatter={(v, _n, item) => [`${Number(v).toFixed(1)} % of ${(item.payload as TGroup).leads} leads`, "Converted"]} />
          <Bar isAnimationActive={false} dataKey="conversionRate" name="Conversion rate">
            {rows.map((r) => (
              <Cell key={r.verdict} fill={COLORS[r.verdict]} />
            ))}
            <LabelList dataKey="conversionRate" position="top" formatter={(v) => `${Number(v).toFixed(1)} %`} style={{ fontSize: 12 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
