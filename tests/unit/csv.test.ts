import { csvField, csvRow } from "@/lib/leads/csv";

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
