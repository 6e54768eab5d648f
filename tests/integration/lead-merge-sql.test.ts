// The helpers ingest_lead_event() merges a joining event with: lead_data with its bounded history,
// and the lead's states.
import { db } from "@/lib/db";
import { collectLeadStates } from "@/lib/ingest/collect-lead-states";

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

// The twin rule: a new lead gets collectLeadStates() (TypeScript); a joining event's states are
// merged into the lead's by merge_lead_states() (SQL, inside ingest_lead_events(), fed the same
// collectLeadStates([], data, …) list plus the company's stored state). Both must give one answer.
describe("merge_lead_states() and collectLeadStates() agree", () => {
  const route = { origin: { state: "TX" }, states: ["TX", "OK", "KS"], destination: { state: "KS" } };
  const cases: { current: string[]; data: Record<string, unknown>; company: string | null }[] = [
    { current: [], data: { route }, company: "TX" },
    { current: ["MO"], data: { route }, company: "NE" },
    { current: ["TX", "OK"], data: { pickup: { state: "ok" }, delivery: { state: "CA" } }, company: null },
    { current: ["CA"], data: { location: { state: "ca" } }, company: "CA" },
    { current: [], data: {}, company: null },
    { current: ["NV"], data: { route: { states: ["XX", "nv", " az ", 7, null] } }, company: "UT" },
    { current: ["KS", "TX"], data: { route: { origin: { state: "tx" }, destination: "nowhere" } }, company: "KS" },
  ];

  it("on every case of the table", async () => {
    for (const { current, data, company } of cases) {
      const event = collectLeadStates([], data, company);
      const [{ merged }] = await db.$queryRaw<{ merged: string[] }[]>`
        SELECT merge_lead_states(${current}::text[], ${event}::text[] || ${company}::text) AS merged`;
      expect({ current, data, company, states: merged }).toEqual({ current, data, company, states: collectLeadStates(current, data, company) });
    }
  });
});
