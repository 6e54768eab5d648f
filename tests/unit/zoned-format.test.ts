import fs from "node:fs";
import path from "node:path";
import { formatZonedDate, formatZonedDateTime, formatZonedShortDay, formatZonedTime, formatZonedWeekday, zoneAbbreviation } from "@/lib/kernel/zoned-format";

const AT = "2026-12-03T15:05:00Z"; // Thursday, 9:05 AM in Chicago (CST)

describe("zoned display formats", () => {
  it("print an instant in the zone given, whatever the runtime's own zone", () => {
    expect(formatZonedDate(AT, "America/Chicago")).toBe("Dec 3, 2026");
    expect(formatZonedDateTime(AT, "America/Chicago")).toBe("Dec 3, 2026, 9:05 AM");
    expect(formatZonedWeekday(AT, "America/Chicago")).toBe("Thu 3 Dec");
    expect(formatZonedShortDay(AT, "America/Chicago")).toBe("Thu, Dec 3");
    expect(formatZonedTime(AT, "America/Chicago")).toBe("9:05 AM");
    expect(zoneAbbreviation(AT, "America/Chicago")).toBe("CST");
    expect(formatZonedTime(AT, "Asia/Tokyo")).toBe("12:05 AM");
    expect(formatZonedWeekday(AT, "Asia/Tokyo")).toBe("Fri 4 Dec");
  });

  it("build each (zone, format) formatter once, however many rows are printed", () => {
    const spy = jest.spyOn(Intl, "DateTimeFormat");
    try {
      for (let i = 0; i < 50; i++) formatZonedTime(new Date(Date.UTC(2026, 0, 1, i % 24)), "Europe/Berlin");
      expect(spy.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("stay free of date libraries and schemas, so client components that print dates do not bundle them", () => {
    const read = (file: string) => fs.readFileSync(path.join(__dirname, "../..", file), "utf8");
    expect(read("lib/kernel/zoned-format.ts")).not.toMatch(/^import /m);
    const imports = [...read("components/ui/zoned-time.tsx").matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports.sort()).toEqual(["@/lib/kernel/zoned-format", "react"]);
  });
});
