import { toCsv } from "@/components/analytics/csv";
import { bucketLabel, formatValue } from "@/components/analytics/format";

describe("chart CSV", () => {
  it("writes a header and one line per row, quoting what needs it", () => {
    const csv = toCsv(
      [{ key: "name", label: "Rep" }, { key: "value", label: "Total, $" }],
      [{ name: 'Dana "DJ" Lee', value: 1200.5 }, { name: "Plain", value: 0 }, { name: null, value: undefined }],
    );
    expect(csv).toBe('Rep,"Total, $"\r\n"Dana ""DJ"" Lee",1200.5\r\nPlain,0\r\n,\r\n');
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    expect(toCsv([{ key: "n", label: "n" }], [{ n: "=HYPERLINK(1)" }, { n: -5 }])).toBe("n\r\n'=HYPERLINK(1)\r\n-5\r\n");
  });
});

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
