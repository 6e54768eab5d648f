import { bucketLabel, formatValue } from "@/components/analytics/format";

describe("figure formats", () => {
  it("formats money, percentages, days and empty values", () => {
    expect(formatValue(1234.5, "money")).toBe("$1,235");
    expect(formatValue(33.333, "pct")).toBe("33.3 %");
    expect(formatValue(3.29, "days")).toBe("3.3 d");
    expect(formatValue(null, "int")).toBe("—");
  });

  it("labels buckets as calendar dates, whatever the browser's time zone", () => {
    expect(bucketLabel("2015-01-05", "day")).toBe("Jan 5");
    expect(bucketLabel("2015-01-05", "week")).toBe("Week of Jan 5");
    expect(bucketLabel("2015-01-01", "month")).toBe("Jan 2015");
  });
});
