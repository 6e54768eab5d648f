import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { bucketUnit, RANGE_PRESETS, resolveAnalyticsFilter } from "@/lib/analytics/analytics-filter";
import { getAnalyticsOptions } from "@/lib/analytics/get-analytics-options";
import { getCompanyTimeZone } from "@/lib/kernel/company-settings";
import { loadAnalyticsPage } from "@/lib/analytics/load-analytics-page";
import { StatCard } from "@/components/stat-card";
import { AnalyticsFilters } from "@/components/analytics/analytics-filters";
import { HAUL_FILTER_LABELS, HAUL_FILTERS } from "@/lib/haul/haul-vocabulary";
import { CallHeatmap } from "@/components/analytics/call-heatmap";
import { LEAD_SOURCES, SOURCE_LABELS } from "@/lib/leads/lead-vocabulary";
import { FollowUpChart } from "@/components/analytics/follow-up-chart";
import { ForecastChart } from "@/components/analytics/forecast-chart";
import { formatMoney } from "@/components/analytics/format";
import { FunnelChart } from "@/components/analytics/funnel-chart";
import { LeadsBySourceChart } from "@/components/analytics/leads-by-source-chart";
import { PipelineChart } from "@/components/analytics/pipeline-chart";
import { ProductivityChart } from "@/components/analytics/productivity-chart";
import { RepPerformanceChart } from "@/components/analytics/rep-performance-chart";
import { RevenueChart } from "@/components/analytics/revenue-chart";
import { TerritoryChart } from "@/components/analytics/territory-chart";
import { TimeToConversionChart } from "@/components/analytics/time-to-conversion-chart";
import { SpeedToLeadChart } from "@/components/analytics/speed-to-lead-chart";
import { SequenceDefinitions } from "@/components/sequences/sequence-definitions";
import { SequenceFiguresCard } from "@/components/sequences/sequence-report-card";
import { FigureFreshness } from "@/components/analytics/figure-freshness";

export const metadata: Metadata = { title: "Analytics" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AnalyticsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requirePageActor();
  const team = can(actor, "metrics.team");
  const timeZone = await getCompanyTimeZone();
  const { filter, preset, issues } = resolveAnalyticsFilter(await searchParams, { timeZone });
  const [data, options] = await Promise.all([
    loadAnalyticsPage(actor, filter).catch((err: unknown) => {
      // Another rep's figures, asked for by URL: the same answer as a page that does not exist.
      if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
      throw err;
    }),
    getAnalyticsOptions(actor),
  ]);
  const suffix = `${filter.from}_${filter.to}`;
  const repName = filter.repId ? options.reps.find((r) => r.id === filter.repId)?.name : undefined;
  const leads = data.repPerformance.reduce((n, r) => n + r.leadsAssigned, 0);
  const conversions = data.repPerformance.reduce((n, r) => n + r.conversions, 0);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{team ? (repName ? `Analytics: ${repName}` : "Team analytics") : "My performance"}</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="analytics-range">
          {filter.from} to {filter.to} · days, weeks and hours in the company time zone ({timeZone})
        </p>
      </div>

      <AnalyticsFilters
        action="/admin/crm/analytics"
        preset={preset}
        from={filter.from}
        to={filter.to}
        presets={Object.entries(RANGE_PRESETS).map(([value, label]) => ({ value, label }))}
        reps={team ? options.reps.map((r) => ({ value: String(r.id), label: r.active ? r.name : `${r.name} (deactivated)` })) : undefined}
        rep={filter.repId ? String(filter.repId) : undefined}
        territories={options.territories.map((t) => ({ value: String(t.id), label: t.name }))}
        territory={filter.territoryId ? String(filter.territoryId) : undefined}
        sources={LEAD_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
        source={filter.source}
        hauls={HAUL_FILTERS.map((h) => ({ value: h, label: HAUL_FILTER_LABELS[h] }))}
        haul={filter.haul}
      />
      {issues.length ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          Some filters were not understood and were left out: {issues.map((i) => `${i.path} (${i.message})`).join("; ")}.
        </p>
      ) : null}

      <FigureFreshness freshness={data.freshness} now={new Date()} />

      <section aria-label="Headline figures" className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <StatCard label="Leads assigned" value={leads} testId="stat-leads" />
        <StatCard label="Conversions" value={conversions} testId="stat-conversions" />
        <StatCard label="Conversion rate" value={`${leads ? ((100 * conversions) / leads).toFixed(1) : "0.0"} %`} testId="stat-rate" />
        <StatCard label="Revenue booked" value={formatMoney(data.revenueByMonth.total)} testId="stat-revenue" />
        <StatCard label="Pipeline forecast" value={formatMoney(data.forecast.forecastValue)} hint={`of ${formatMoney(data.forecast.openValue)} open`} testId="stat-forecast" />
      </section>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="min-w-0 lg:col-span-2">
          <SpeedToLeadChart data={data.speedToLead} fileSuffix={suffix} unit={bucketUnit(filter)} />
        </div>
        <RepPerformanceChart rows={data.repPerformance} fileSuffix={suffix} />
        <RevenueChart data={data.revenueByMonth} fileSuffix={suffix} />
        <LeadsBySourceChart data={data.leadsBySource} fileSuffix={suffix} />
        <FunnelChart stages={data.funnel.stages} fileSuffix={suffix} />
        <TimeToConversionChart data={data.timeToConversion} fileSuffix={suffix} />
        <FollowUpChart groups={data.followUps.groups} notYetDue={data.followUps.notYetDue} fileSuffix={suffix} />
        <div className="min-w-0 lg:col-span-2">
          <CallHeatmap data={data.heatmap} timeZone={timeZone} fileSuffix={suffix} />
        </div>
        <TerritoryChart rows={data.territories} fileSuffix={suffix} />
        <ProductivityChart rows={data.productivity} fileSuffix={suffix} />
        <PipelineChart data={data.pipeline} fileSuffix={suffix} />
        <ForecastChart data={data.forecast} fileSuffix={suffix} />
        <div className="min-w-0 lg:col-span-2">
          <SequenceFiguresCard
            id="sequences"
            title="Sequences"
            description="Per sequence, the leads enrolled in the range, each followed to today: the bar is how many were enrolled. The report of each sequence (Sequences page) counts all time, by step."
            barKey="enrolled"
            emptyMessage="No sequence yet: build one on the Sequences page."
            columns={[
              { key: "name", label: "Sequence" },
              { key: "enrolled", label: "Enrolled", format: "int" },
              { key: "sent", label: "Sent", format: "int" },
              { key: "opened", label: "Opened", format: "int" },
              { key: "clicked", label: "Clicked", format: "int" },
              { key: "replied", label: "Replied", format: "int" },
              { key: "stopped", label: "Stopped", format: "int" },
              { key: "converted", label: "Converted", format: "int" },
            ]}
            fileSuffix={suffix}
            rows={data.sequences.map((q) => ({ name: q.name, enrolled: q.enrolled, sent: q.sent, opened: q.opened, clicked: q.clicked, replied: q.replied, stopped: q.stopped, converted: q.converted }))}
          />
        </div>
      </div>

      <section aria-labelledby="how-counted" className="rounded-lg border bg-white p-4 text-sm text-slate-700">
        <h2 id="how-counted" className="font-semibold text-slate-900">
          How these figures are counted
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            <strong>Attribution:</strong> a conversion and its value count for the rep who held the lead when it converted (the rep recorded on the
            conversion), never for earlier holders of a reassigned lead. Calls and emails count for whoever logged them.
          </li>
          <li>
            <strong>Conversion rate</strong> = conversions ÷ leads assigned in the range (leads a rep claimed or was given in the range, followed to
            their outcome today).
          </li>
          <li>
            <strong>Time zone:</strong> ranges, days, weeks, months, weekdays and hours are those of the company time zone setting ({timeZone}), not the
            server&apos;s or your browser&apos;s.
          </li>
          <li>
            <strong>Speed to lead:</strong> time to claim runs from a lead&apos;s arrival to its first claim or assignment and counts for that
            rep; time to first touch runs to the first sales action that was not undone, or the first sent email, and counts for whoever made it.
            The working-hours figures count only the company&apos;s business hours (a manager&apos;s setting on the Territories page), so a
            lead arriving on Friday evening and claimed on Monday at 8:05 took 5 working minutes.
          </li>
          <li>
            <strong>Sequences</strong> (per sequence; by step on each sequence&apos;s report):
            <SequenceDefinitions scope="range" />
          </li>
          {team ? null : <li>You see your own figures only; the team view is the manager&apos;s.</li>}
        </ul>
      </section>
    </div>
  );
}
