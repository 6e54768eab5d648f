import type { TRepProductivityRow } from "@/lib/analytics/get-rep-productivity";
import { ChartCard } from "@/components/analytics/chart-card";
import { LazyPlot } from "@/components/analytics/lazy-plot";

type TRow = TRepProductivityRow;

export function ProductivityChart({ rows, fileSuffix }: { rows: TRow[]; fileSuffix: string }) {
  const days = rows[0]?.workingDays ?? 0;
  return (
    <ChartCard
      id="productivity"
      title="Rep productivity and response rate"
      description={`Calls and emails logged per working day (Monday–Friday, ${days} in the range so far), and the share of prospect emails sent that got a reply. Queued, failed, bounced and dropped emails are not counted as sent; outbox (simulated) ones are.`}
      emptyMessage="No calls or emails were logged in this range. Each call or email a rep logs or sends counts here."
      isEmpty={rows.every((r) => r.calls + r.emails + r.emailsSent === 0)}
      columns={[
        { key: "name", label: "Rep" },
        { key: "calls", label: "Calls", format: "int" },
        { key: "emails", label: "Emails", format: "int" },
        { key: "workingDays", label: "Working days", format: "int" },
        { key: "callsPerDay", label: "Calls / day", format: "decimal" },
        { key: "emailsPerDay", label: "Emails / day", format: "decimal" },
        { key: "interestedCalls", label: "Calls → interested", format: "int" },
        { key: "callToInterestRate", label: "Call → interest rate", format: "pct" },
        { key: "emailsSent", label: "Emails sent", format: "int" },
        { key: "replies", label: "Replies", format: "int" },
        { key: "responseRate", label: "Response rate", format: "pct" },
      ]}
      rows={rows}
      fileSuffix={fileSuffix}
    >
      <LazyPlot
        spec={{
          kind: "productivity",
          props: {
            rows: rows.map(({ name, callsPerDay, emailsPerDay, responseRate }) => ({
              name,
              callsPerDay,
              emailsPerDay,
              responseRate,
            })),
          },
        }}
      />
    </ChartCard>
  );
}
