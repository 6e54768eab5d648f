import { bucketUnit, presetRange, resolveAnalyticsFilter } from "@/lib/analytics/analytics-filter";
import { zonedDay } from "@/lib/kernel/zoned-time";

// 03:00 UTC on Sunday 1 March 2026 is still Saturday 28 February in Chicago.
const now = new Date("2026-03-01T03:00:00Z");
const tz = "America/Chicago";

describe("analytics filter", () => {
  it("takes today from the company's time zone, not the server's", () => {
    expect(zonedDay(now, tz)).toBe("2026-02-28");
    expect(zonedDay(now, "UTC")).toBe("2026-03-01");
  });

  it("computes the presets in the company calendar", () => {
    const today = zonedDay(now, tz);
    expect(presetRange("this_week", today)).toEqual({ from: "2026-02-23", to: "2026-02-28" });
    expect(presetRange("this_month", today)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetRange("this_quarter", today)).toEqual({ from: "2026-01-01", to: "2026-02-28" });
    expect(presetRange("last_30", today)).toEqual({ from: "2026-01-30", to: "2026-02-28" });
    expect(presetRange("last_90", today)).toEqual({ from: "2025-12-01", to: "2026-02-28" });
    expect(presetRange("this_week", "2026-03-02")).toEqual({ from: "2026-03-02", to: "2026-03-02" }); // a Monday
  });

  it("reads the URL: preset, custom range and filters; blanks mean no filter", () => {
    expect(resolveAnalyticsFilter({}, { timeZone: tz, now })).toEqual({
      preset: "last_30", issues: [], filter: { from: "2026-01-30", to: "2026-02-28", timeZone: tz },
    });
    expect(resolveAnalyticsFilter({ range: "custom", from: "2025-05-01", to: "2025-05-31", rep: "7", territory: "", source: "quote" }, { timeZone: tz, now })).toEqual({
      preset: "custom", issues: [], filter: { from: "2025-05-01", to: "2025-05-31", timeZone: tz, repId: 7, source: "quote" },
    });
    expect(resolveAnalyticsFilter({ from: "2025-05-01", to: "2025-05-02" }, { timeZone: tz, now }).preset).toBe("custom");
  });

  it("reports what it could not read and falls back to the default range", () => {
    const r = resolveAnalyticsFilter({ range: "custom", from: "2025-05-31", to: "2025-05-01", rep: "abc", source: "fax" }, { timeZone: tz, now });
    expect(r.preset).toBe("last_30");
    expect(r.filter).toEqual({ from: "2026-01-30", to: "2026-02-28", timeZone: tz });
    expect(r.issues.map((i) => i.path).sort()).toEqual(["rep", "source", "to"]);
  });

  it("buckets by day up to a month, by week up to half a year, then by month", () => {
    expect(bucketUnit({ from: "2026-01-01", to: "2026-01-31" })).toBe("day");
    expect(bucketUnit({ from: "2026-01-01", to: "2026-02-01" })).toBe("week");
    expect(bucketUnit({ from: "2026-01-01", to: "2026-12-31" })).toBe("month");
  });
});
