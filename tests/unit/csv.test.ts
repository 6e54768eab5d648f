import { csvField, csvRow, toCsv } from "@/lib/kernel/csv";

// One CSV module for every export: the lead export streams csvRow() lines, the analytics charts
// download toCsv() documents; both quote and defuse formulas the same way.

describe("csvField", () => {
  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvField('The "Big" Haul')).toBe('"The ""Big"" Haul"');
    expect(csvField("Line 1\nLine 2")).toBe('"Line 1\nLine 2"');
    expect(csvField("CR\r")).toBe('"CR\r"');
    expect(csvField(" padded ")).toBe('" padded "');
    expect(csvField("plain")).toBe("plain");
  });

  it("writes nothing for null and joins arrays", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(["TX", "OK"])).toBe("TX OK");
    expect(csvField(new Date("2026-11-20T15:04:05Z"))).toBe("2026-11-20T15:04:05.000Z");
  });

  it("defuses spreadsheet formulas but leaves numbers and phone numbers alone", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("+1 512 555 0100")).toBe("+1 512 555 0100");
    expect(csvField("-42.50")).toBe("-42.50");
    expect(csvField("-cmd|' /C calc'!A0")).toBe("'-cmd|' /C calc'!A0");
  });

  it("ends rows with CRLF", () => {
    expect(csvRow([1, "a,b", null])).toBe('1,"a,b",\r\n');
  });
});

describe("toCsv (the analytics downloads)", () => {
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
