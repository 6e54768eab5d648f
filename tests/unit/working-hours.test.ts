import { toWorkingHours } from "@/scripts/lib/working-hours";

const ZONE = "America/Chicago";
const local = (d: Date) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone: ZONE,
    weekday: "short",
    hour: "numeric",
    hourCycle: "h23",
  }).format(d);
const inHours = (d: Date) => {
  const [day, hour] = local(d).split(" ");
  return !["Sat", "Sun"].includes(day) && Number(hour) >= 8 && Number(hour) < 18;
};

describe("demo moments in working hours", () => {
  const sunday = new Date("2026-12-06T09:00:00Z"); // Sunday 3:00 in Chicago
  const wednesday = new Date("2026-12-09T20:00:00Z"); // Wednesday 14:00

  it("moves night and weekend moments into weekdays 8:00–18:00, keeping their order and side of now", () => {
    for (const now of [sunday, wednesday]) {
      const moments = Array.from(
        { length: 400 },
        (_, i) => new Date(now.getTime() + (i - 300) * 3.7 * 3_600_000),
      );
      const mapped = moments.map((m) => toWorkingHours(m, now, ZONE));
      expect(mapped.filter((m) => !inHours(m))).toEqual([]);
      for (let i = 1; i < mapped.length; i++)
        expect(mapped[i].getTime()).toBeGreaterThan(mapped[i - 1].getTime());
      moments.forEach((m, i) =>
        expect(mapped[i].getTime() <= now.getTime()).toBe(m.getTime() <= now.getTime()),
      );
    }
  });

  it("keeps a working-hours moment of today where it is and is deterministic", () => {
    expect(toWorkingHours(wednesday, wednesday, ZONE)).toEqual(wednesday);
    const threeAm = new Date("2026-12-08T09:00:00Z"); // Tuesday 3:00
    expect(toWorkingHours(threeAm, wednesday, ZONE)).toEqual(toWorkingHours(threeAm, wednesday, ZONE));
    expect(inHours(toWorkingHours(threeAm, wednesday, ZONE))).toBe(true);
  });
});
