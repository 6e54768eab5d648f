import { computePriorityScore } from "@/lib/leads/compute-priority-score";

describe("computePriorityScore", () => {
  it("ranks an abandoned order above a quote above a load plan at the same value", () => {
    const at = (leadSource: string) => computePriorityScore({ leadSource, estimatedValue: 2000, activityCount: 1 });
    expect(at("order_attempt")).toBeGreaterThan(at("quote"));
    expect(at("quote")).toBeGreaterThan(at("load_plan"));
  });

  it("grows with value and repeated activity and stays within 0–100", () => {
    const small = computePriorityScore({ leadSource: "quote", estimatedValue: 500, activityCount: 1 });
    const big = computePriorityScore({ leadSource: "quote", estimatedValue: 50_000, activityCount: 1 });
    const busy = computePriorityScore({ leadSource: "quote", estimatedValue: 500, activityCount: 3 });
    expect(big).toBeGreaterThan(small);
    expect(busy).toBe(small + 10);
    expect(computePriorityScore({ leadSource: "order_attempt", estimatedValue: 1e9, activityCount: 99 })).toBeLessThanOrEqual(100);
    expect(computePriorityScore({ leadSource: "import", estimatedValue: 0, activityCount: 0 })).toBeGreaterThanOrEqual(0);
  });
});
