// ingest_lead_event() scores leads in SQL; lead_priority_score() must agree with the TypeScript rule.
import { db } from "@/lib/db";
import { computePriorityScore } from "@/lib/leads/compute-priority-score";

it("lead_priority_score() in the database equals computePriorityScore() over a grid of inputs", async () => {
  const sources = ["order_attempt", "quote", "load_plan", "location_share", "manual", "import", "order_placed"];
  const values = [0, 0.5, 1, 9.99, 50, 100, 316.23, 499.99, 500, 1200, 2350.75, 5000, 31622.78, 99999, 1e9];
  const counts = [0, 1, 2, 3, 4, 5, 20];
  const grid = sources.flatMap((s) => values.flatMap((v) => counts.map((c) => ({ s, v, c }))));
  const rows = await db.$queryRaw<{ score: number }[]>`
    SELECT lead_priority_score(g.s, g.v, g.c) AS score
    FROM unnest(${grid.map((g) => g.s)}::text[], ${grid.map((g) => g.v)}::numeric[], ${grid.map((g) => g.c)}::int[]) WITH ORDINALITY AS g(s, v, c, i)
    ORDER BY g.i`;
  const expected = grid.map((g) => computePriorityScore({ leadSource: g.s, estimatedValue: g.v, activityCount: g.c }));
  expect(rows.map((r) => r.score)).toEqual(expected);
});
