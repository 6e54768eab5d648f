// The helpers ingest_lead_event() merges a joining event with: lead_data with its bounded history,
// and the lead's states.
import { db } from "@/lib/db";

async function mergeData(current: unknown, data: unknown, entry: unknown, limit: number) {
  const [{ merged }] = await db.$queryRaw<{ merged: unknown }[]>`
    SELECT merge_lead_data(${current === null ? null : JSON.stringify(current)}::jsonb, ${JSON.stringify(data)}::jsonb, ${JSON.stringify(entry)}::jsonb, ${limit}::int) AS merged`;
  return merged;
}

async function mergeStates(current: (string | null)[] | null, more: (string | null)[] | null) {
  const [{ merged }] = await db.$queryRaw<{ merged: string[] }[]>`SELECT merge_lead_states(${current}::text[], ${more}::text[]) AS merged`;
  return merged;
}

describe("merge_lead_data()", () => {
  it("lets the latest data win per key and keeps only the newest entries of history", async () => {
    const current = { a: 1, b: 1, history: [{ n: 1 }, { n: 2 }, { n: 3 }] };
    expect(await mergeData(current, { b: 2 }, { n: 4 }, 3)).toEqual({ a: 1, b: 2, history: [{ n: 2 }, { n: 3 }, { n: 4 }] });
    expect(await mergeData(current, {}, { n: 4 }, 25)).toEqual({ a: 1, b: 1, history: [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }] });
  });

  it("starts a history for a new lead, or over one that is not a list, and keeps none at limit 0", async () => {
    expect(await mergeData(null, { route: { miles: 5 } }, { n: 1 }, 25)).toEqual({ route: { miles: 5 }, history: [{ n: 1 }] });
    expect(await mergeData({ history: "oops" }, {}, { n: 1 }, 25)).toEqual({ history: [{ n: 1 }] });
    expect(await mergeData({ x: 1, history: [{ n: 1 }] }, {}, { n: 2 }, 0)).toEqual({ x: 1, history: [] });
  });
});

describe("merge_lead_states()", () => {
  it("keeps first-seen order, without repeats or nulls", async () => {
    expect(await mergeStates(["TX", "OK"], ["OK", null, "KS", "TX", "KS"])).toEqual(["TX", "OK", "KS"]);
    expect(await mergeStates([null, "NE", "NE"], null)).toEqual(["NE"]);
    expect(await mergeStates(null, null)).toEqual([]);
  });
});
