"use client";

import { useState } from "react";
import type { TSpeedDimension, TSpeedStats, TSpeedToLead } from "@/lib/analytics/get-speed-to-lead";
import { ChartCard, type TColumn } from "@/components/analytics/chart-card";
import { FigureTile } from "@/components/analytics/figure-tile";
import { LazyPlot } from "@/components/analytics/lazy-plot";
import { bucketLabel, formatMinutes } from "@/components/analytics/format";
import { SelectField } from "@/components/ui/select-field";
import { compactInputClass } from "@/components/ui/classes";

const DIMENSIONS: { value: Exclude<TSpeedDimension, "all">; label: string }[] = [
  { value: "rep", label: "Rep" },
  { value: "source", label: "Source" },
  { value: "territory", label: "Territory" },
  { value: "period", label: "Period" },
];
const DIMENSION_WORDS: Record<TSpeedDimension, string> = { all: "All", rep: "Rep", source: "Source", territory: "Territory", period: "Period" };
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const COLUMNS: TColumn[] = [
  { key: "metric", label: "Measure" },
  { key: "dimension", label: "By" },
  { key: "label", label: "Group" },
  { key: "reached", label: "Leads reached", format: "int" },
  { key: "waiting", label: "Not yet", format: "int" },
  { key: "medianMinutes", label: "Median (min)", format: "decimal" },
  { key: "p90Minutes", label: "90th pct (min)", format: "decimal" },
  { key: "within5Pct", label: "Within 5 min", format: "pct" },
  { key: "within60Pct", label: "Within 1 h", format: "pct" },
  { key: "businessMedianMinutes", label: "Working median (min)", format: "decimal" },
  { key: "businessP90Minutes", label: "Working 90th pct (min)", format: "decimal" },
  { key: "businessWithin5Pct", label: "Working within 5 min", format: "pct" },
  { key: "businessWithin60Pct", label: "Working within 1 h", format: "pct" },
];

function Summary({ name, s, working, id }: { name: string; s: TSpeedStats; working: boolean; id: string }) {
  const m = (v: number | null) => (v === null ? "—" : formatMinutes(v));
  const p = (v: number) => (s.reached ? `${v.toFixed(1)} %` : "—");
  return (
    <div>
      <h3 className="text-sm font-medium">
        {name} <span className="font-normal text-slate-600">({s.reached} leads{s.waiting ? `, ${s.waiting} not yet` : ""})</span>
      </h3>
      <dl className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
        <FigureTile small label="Median" value={m(working ? s.businessMedianMinutes : s.medianMinutes)} testId={`${id}-median`} />
        <FigureTile small label="90th percentile" value={m(working ? s.businessP90Minutes : s.p90Minutes)} testId={`${id}-p90`} />
        <FigureTile small label="Within 5 min" value={p(working ? s.businessWithin5Pct : s.within5Pct)} testId={`${id}-5`} />
        <FigureTile small label="Within 1 hour" value={p(working ? s.businessWithin60Pct : s.within60Pct)} testId={`${id}-60`} />
      </dl>
    </div>
  );
}

export function SpeedToLeadChart({ data, fileSuffix, unit }: { data: TSpeedToLead; fileSuffix: string; unit: "day" | "week" | "month" }) {
  const [by, setBy] = useState<Exclude<TSpeedDimension, "all">>("rep");
  const [clock, setClock] = useState<"elapsed" | "working">("elapsed");
  const working = clock === "working";
  const groups = data.rows.filter((r) => r.metric === "claim" && r.dimension === by);
  const touches = new Map(data.rows.filter((r) => r.metric === "touch" && r.dimension === by).map((r) => [r.key, r]));
  const chartRows = groups.map((g) => ({
    name: by === "period" ? bucketLabel(g.key, unit) : g.label,
    claim5: working ? g.businessWithin5Pct : g.within5Pct,
    claim60: working ? g.businessWithin60Pct : g.within60Pct,
    touch60: (working ? touches.get(g.key)?.businessWithin60Pct : touches.get(g.key)?.within60Pct) ?? 0,
  }));
  const hours = data.businessHours;
  const table = data.rows.map((r) => ({ ...r, metric: r.metric === "claim" ? "Time to claim" : "Time to first touch", dimension: DIMENSION_WORDS[r.dimension] }));
  return (
    <ChartCard
      id="speed-to-lead"
      title="Speed to lead"
      description={
        <>
          For leads that arrived in the range. <strong>Time to claim</strong>: arrival → first claim or assignment.{" "}
          <strong>Time to first touch</strong>: arrival → first logged sales action (not undone) or sent email. Median, 90th percentile, and the
          share of reached leads within 5 minutes and 1 hour; leads not reached yet are counted apart. <strong>Working hours</strong> counts only{" "}
          {hours.days.map((d) => DAYS[d - 1]).join(", ")} {hours.start}–{hours.end} in the company zone.
        </>
      }
      emptyMessage="No lead arrived in this range, or none was claimed yet. Each claimed lead adds its time from arrival to claim."
      isEmpty={data.claim.reached === 0 && data.touch.reached === 0}
      summary={
        <div className="space-y-3">
          <div className="flex flex-wrap gap-3">
            <SelectField
              label="Clock"
              className="text-sm"
              selectClassName={compactInputClass}
              value={clock}
              onChange={(e) => setClock(e.target.value as "elapsed" | "working")}
              options={[
                { value: "elapsed", label: "Elapsed time" },
                { value: "working", label: "Working hours only" },
              ]}
            />
            <SelectField
              label="Chart by"
              className="text-sm"
              selectClassName={compactInputClass}
              value={by}
              onChange={(e) => setBy(e.target.value as Exclude<TSpeedDimension, "all">)}
              options={DIMENSIONS}
            />
          </div>
          <Summary name="Time to claim" s={data.claim} working={working} id="speed-claim" />
          <Summary name="Time to first touch" s={data.touch} working={working} id="speed-touch" />
        </div>
      }
      columns={COLUMNS}
      rows={table}
      fileSuffix={fileSuffix}
    >
      <LazyPlot
        spec={{
          kind: "percentBars",
          props: {
            nameKey: "name",
            shortNames: by === "rep",
            rows: chartRows,
            series: [
              { key: "claim5", name: "Claimed within 5 min", color: 0 },
              { key: "claim60", name: "Claimed within 1 h", color: 4 },
              { key: "touch60", name: "Touched within 1 h", color: 2 },
            ],
          },
        }}
      />
    </ChartCard>
  );
}
