"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { AXIS_TICK, CHART_HEIGHT, colorAt } from "@/components/analytics/chart-theme";
import { compactMoney, formatMoney } from "@/components/analytics/format";

// Every Recharts drawing of the analytics page, and the only module that imports Recharts: it is
// loaded by <LazyPlot> when a plot scrolls into view, so the page's first load neither downloads
// nor runs it (drawing all twelve at load was a 1.4 s task). The cards around the plots (titles,
// figures, data tables, CSV) are server-rendered; each plot gets plain rows and draws them.

type TRow = Record<string, string | number | null>;

const firstName = (n: string) => n.split(" ")[0];

function FunnelPlot({
  rows,
}: {
  rows: { label: string; leads: number; rateFromStart: number; note: string }[];
}) {
  return (
    <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 72, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
      <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={80} />
      <Tooltip
        formatter={(v, _n, item) => [
          `${v} leads (${(item.payload as { rateFromStart: number }).rateFromStart.toFixed(1)} % of pending)`,
          "Leads",
        ]}
      />
      <Legend formatter={() => "Leads · share moved on from the stage before"} />
      <Bar isAnimationActive={false} dataKey="leads" name="Leads" fill={colorAt(0)}>
        <LabelList dataKey="note" position="right" style={{ fontSize: 12, fill: "#334155" }} />
      </Bar>
    </BarChart>
  );
}

const FOLLOW_UP_COLORS: Record<string, string> = { kept: "#009E73", late: "#E69F00", missed: "#D55E00" };

function FollowUpPlot({
  rows,
}: {
  rows: { verdict: string; label: string; leads: number; conversionRate: number }[];
}) {
  return (
    <BarChart data={rows} margin={{ top: 20, right: 8, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={AXIS_TICK} />
      <YAxis unit="%" domain={[0, 100]} tick={AXIS_TICK} width={48} />
      <Tooltip
        formatter={(v, _n, item) => [
          `${Number(v).toFixed(1)} % of ${(item.payload as { leads: number }).leads} leads`,
          "Converted",
        ]}
      />
      <Bar isAnimationActive={false} dataKey="conversionRate" name="Conversion rate">
        {rows.map((r) => (
          <Cell key={r.verdict} fill={FOLLOW_UP_COLORS[r.verdict]} />
        ))}
        <LabelList
          dataKey="conversionRate"
          position="top"
          formatter={(v) => `${Number(v).toFixed(1)} %`}
          style={{ fontSize: 12 }}
        />
      </Bar>
    </BarChart>
  );
}

/** Bars of money by label, with one named series per entry of `series`. */
function MoneyBarsPlot({
  rows,
  series,
  stacked,
}: {
  rows: TRow[];
  series: { key: string; name: string; color: number }[];
  stacked?: boolean;
}) {
  return (
    <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={AXIS_TICK} interval={stacked ? undefined : 0} />
      <YAxis tickFormatter={compactMoney} tick={AXIS_TICK} width={56} />
      <Tooltip formatter={(v) => formatMoney(Number(v))} />
      <Legend />
      {series.map((s) => (
        <Bar
          isAnimationActive={false}
          key={s.key}
          dataKey={s.key}
          name={s.name}
          stackId={stacked ? "money" : undefined}
          fill={colorAt(s.color)}
        />
      ))}
    </BarChart>
  );
}

function LeadsBySourcePlot({
  rows,
  series,
}: {
  rows: TRow[];
  series: { key: string; name: string; color: number }[];
}) {
  return (
    <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={12} />
      <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
      <Tooltip />
      <Legend />
      {series.map((s) => (
        <Bar
          isAnimationActive={false}
          key={s.key}
          dataKey={s.key}
          name={s.name}
          stackId="leads"
          fill={colorAt(s.color)}
        />
      ))}
    </BarChart>
  );
}

function PipelinePlot({ rows }: { rows: { status: string; label: string; leads: number; value: number }[] }) {
  return (
    <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={AXIS_TICK} interval={0} />
      <YAxis tickFormatter={compactMoney} tick={AXIS_TICK} width={56} />
      <Tooltip
        formatter={(v, _n, item) => [
          `${formatMoney(Number(v))} (${(item.payload as { leads: number }).leads} leads)`,
          "Estimated value",
        ]}
      />
      <Bar isAnimationActive={false} dataKey="value" name="Estimated value">
        {rows.map((r, i) => (
          <Cell key={r.status} fill={colorAt(i)} />
        ))}
      </Bar>
    </BarChart>
  );
}

function ProductivityPlot({ rows }: { rows: TRow[] }) {
  return (
    <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="name" tick={AXIS_TICK} interval={0} tickFormatter={firstName} />
      <YAxis yAxisId="perDay" tick={AXIS_TICK} width={40} />
      <YAxis yAxisId="rate" orientation="right" unit="%" domain={[0, 100]} tick={AXIS_TICK} width={48} />
      <Tooltip />
      <Legend />
      <Bar
        isAnimationActive={false}
        yAxisId="perDay"
        dataKey="callsPerDay"
        name="Calls / day"
        fill={colorAt(0)}
      />
      <Bar
        isAnimationActive={false}
        yAxisId="perDay"
        dataKey="emailsPerDay"
        name="Emails / day"
        fill={colorAt(1)}
      />
      <Bar
        isAnimationActive={false}
        yAxisId="rate"
        dataKey="responseRate"
        name="Response rate %"
        fill={colorAt(3)}
      />
    </BarChart>
  );
}

function RepPerformancePlot({ rows }: { rows: TRow[] }) {
  return (
    <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="name" tick={AXIS_TICK} interval={0} tickFormatter={firstName} />
      <YAxis yAxisId="count" allowDecimals={false} tick={AXIS_TICK} width={40} />
      <YAxis yAxisId="rate" orientation="right" unit="%" domain={[0, 100]} tick={AXIS_TICK} width={44} />
      <Tooltip formatter={(v, name) => (name === "Conversion rate" ? `${Number(v).toFixed(1)} %` : v)} />
      <Legend />
      <Bar
        isAnimationActive={false}
        yAxisId="count"
        dataKey="leadsAssigned"
        name="Leads assigned"
        fill={colorAt(4)}
      />
      <Bar
        isAnimationActive={false}
        yAxisId="count"
        dataKey="conversions"
        name="Conversions"
        fill={colorAt(0)}
      />
      <Line
        isAnimationActive={false}
        yAxisId="rate"
        dataKey="conversionRate"
        name="Conversion rate"
        stroke={colorAt(5)}
        strokeWidth={2}
        dot={{ r: 4 }}
      />
    </ComposedChart>
  );
}

/** Percentages (0–100) by label, one named series per entry of `series`. */
function PercentBarsPlot({
  rows,
  series,
  nameKey,
  shortNames,
}: {
  rows: TRow[];
  series: { key: string; name: string; color: number }[];
  nameKey: string;
  shortNames?: boolean;
}) {
  return (
    <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey={nameKey}
        tick={AXIS_TICK}
        interval={0}
        tickFormatter={shortNames ? firstName : undefined}
      />
      <YAxis unit="%" domain={[0, 100]} tick={AXIS_TICK} width={48} />
      <Tooltip formatter={(v) => `${Number(v).toFixed(1)} %`} />
      <Legend />
      {series.map((s) => (
        <Bar isAnimationActive={false} key={s.key} dataKey={s.key} name={s.name} fill={colorAt(s.color)} />
      ))}
    </BarChart>
  );
}

function TimeToConversionPlot({ rows }: { rows: TRow[] }) {
  return (
    <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={AXIS_TICK} interval={0} angle={-20} textAnchor="end" height={48} />
      <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
      <Tooltip />
      <Legend />
      <Bar isAnimationActive={false} dataKey="conversions" name="Conversions" fill={colorAt(2)} />
    </BarChart>
  );
}

export const PLOTS = {
  funnel: FunnelPlot,
  followUps: FollowUpPlot,
  moneyBars: MoneyBarsPlot,
  leadsBySource: LeadsBySourcePlot,
  pipeline: PipelinePlot,
  productivity: ProductivityPlot,
  repPerformance: RepPerformancePlot,
  percentBars: PercentBarsPlot,
  timeToConversion: TimeToConversionPlot,
};

export type TPlots = typeof PLOTS;
export type TPlotKind = keyof TPlots;
/** A plot named by kind with its props: plain data, so a server component can hand it over. */
export type TPlotSpec = { [K in TPlotKind]: { kind: K; props: React.ComponentProps<TPlots[K]> } }[TPlotKind];

/** The plot `spec` names, filling its box (CHART_HEIGHT high, the width of the card). */
export default function Plot({ spec }: { spec: TPlotSpec }) {
  const Drawing = PLOTS[spec.kind] as (props: TPlotSpec["props"]) => React.ReactElement;
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <Drawing {...spec.props} />
    </ResponsiveContainer>
  );
}
