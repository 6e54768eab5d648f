// The pool's count in the tab title: the live provider applies poolTabTitle() on every change of
// the title, its own included, so applying it to its own output must change nothing (else the
// title's observer loops and freezes the tab, as it did once the pool passed 1,000 leads).
import { poolTabTitle } from "@/lib/live/pool-tab-title";

const TITLE = "Dashboard · Pilot CRM";

describe("poolTabTitle", () => {
  it.each([1, 9, 999, 1_000, 1_001, 52_000, 1_000_000])("is stable for a pool of %i", (n) => {
    const once = poolTabTitle(TITLE, n);
    expect(once).toMatch(/^\((?:[\d,]+\+?)\) Dashboard · Pilot CRM$/);
    expect(poolTabTitle(once, n)).toBe(once);
  });

  it("says 1,000+ past the bound, the exact count below it, nothing for an empty pool", () => {
    expect(poolTabTitle(TITLE, 1_001)).toBe("(1,000+) Dashboard · Pilot CRM");
    expect(poolTabTitle(TITLE, 999)).toBe("(999) Dashboard · Pilot CRM");
    expect(poolTabTitle("(1,000+) Lead pool · Pilot CRM", 0)).toBe("Lead pool · Pilot CRM");
    // A count that changes replaces the prefix instead of stacking a second one.
    expect(poolTabTitle("(1,000+) Lead pool · Pilot CRM", 3)).toBe("(3) Lead pool · Pilot CRM");
    expect(poolTabTitle("(about 52,000) Leads · Pilot CRM", 3)).toBe("(3) Leads · Pilot CRM");
  });
});
