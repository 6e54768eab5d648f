import type { TCallHeatmap } from "@/lib/analytics/get-call-heatmap";
import { ChartCard } from "@/components/analytics/chart-card";
import { ScrollRegion } from "@/components/ui/scroll-region";

type TData = TCallHeatmap;

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourLabel = (h: number) => (h === 0 ? "12a" : h < 12 ? `${h}a` : h === 12 ? "12p" : `${h - 12}p`);

// One hue (Okabe–Ito blue) from light to dark: order is read from lightness, which survives
// every colour-vision deficiency; each cell also carries its number. The cell is painted opaque
// (the blue mixed into white) and its number is black or white by the cell's luminance: at a
// relative luminance of 0.179 both reach 4.5:1, so every cell passes WCAG AA whatever its shade
// (dark slate text on mid blues did not).
const BLUE = [0, 114, 178];
const channel = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
export function heatShade(calls: number, max: number): { background: string; color: string } {
  if (calls === 0 || max === 0) return { background: "#f8fafc", color: "#475569" };
  const t = 0.15 + 0.85 * (calls / max);
  const [r, g, b] = BLUE.map((c) => Math.round(255 + (c - 255) * t));
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return { background: `rgb(${r}, ${g}, ${b})`, color: luminance > 0.179 ? "#000000" : "#ffffff" };
}

export function CallHeatmap({ data, timeZone, fileSuffix }: { data: TData; timeZone: string; fileSuffix: string }) {
  const at = new Map(data.cells.map((c) => [`${c.weekday}-${c.hour}`, c.calls]));
  const rows = WEEKDAYS.map((day, i) => ({ weekday: day, ...Object.fromEntries(HOURS.map((h) => [`h${h}`, at.get(`${i + 1}-${h}`) ?? 0])) }));
  return (
    <ChartCard
      id="call-heatmap"
      title="Call volume by weekday and hour"
      description={`Calls logged in the range, on the company clock (${timeZone}). ${data.total} calls; the darkest cell has ${data.max}.`}
      emptyMessage="No calls were logged in this range. Every call a rep logs on a lead is counted in its weekday and hour."
      isEmpty={data.total === 0}
      columns={[{ key: "weekday", label: "Weekday" }, ...HOURS.map((h) => ({ key: `h${h}`, label: `${String(h).padStart(2, "0")}:00`, format: "int" as const }))]}
      rows={rows}
      fileSuffix={fileSuffix}
    >
      <ScrollRegion label="Call volume heatmap">
        <div role="img" aria-label={`Heatmap of ${data.total} calls by weekday and hour; the busiest hour has ${data.max} calls. The table under it has every number.`}>
          <div className="grid min-w-[640px] gap-px text-[11px]" style={{ gridTemplateColumns: "2.5rem repeat(24, minmax(0, 1fr))" }}>
            <div />
            {HOURS.map((h) => (
              <div key={h} className="text-center text-slate-500">
                {h % 3 === 0 ? hourLabel(h) : ""}
              </div>
            ))}
            {WEEKDAYS.map((day, i) => (
              <div key={day} className="contents">
                <div className="pr-1 text-right leading-6 text-slate-600">{day}</div>
                {HOURS.map((h) => {
                  const calls = at.get(`${i + 1}-${h}`) ?? 0;
                  return (
                    <div key={h} title={`${day} ${String(h).padStart(2, "0")}:00 — ${calls} calls`} className="h-6 rounded-sm text-center leading-6 tabular-nums" style={heatShade(calls, data.max)} data-testid={`heat-${i + 1}-${h}`}>
                      {calls || ""}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          <div className="mt-2 flex items-center gap-2 text-xs text-slate-600" aria-hidden="true">
            <span>Fewer calls</span>
            {[0.15, 0.35, 0.55, 0.75, 1].map((t) => (
              <span key={t} className="inline-block h-3 w-6 rounded-sm" style={{ background: `rgba(0, 114, 178, ${t})` }} />
            ))}
            <span>More calls (busiest: {data.max})</span>
          </div>
        </div>
      </ScrollRegion>
    </ChartCard>
  );
}
