// Issue #21's bench case, run by `npm run bench -- workflow` on the big database: the leads list,
// the call list and the nav shell (pool and Requests badges, read on every page) timed without
// requests, then with 10 000 open lead requests present (half waiting for a manager, half for the
// receiver, receivers spread over the reps), then the requests are removed again. The lists do not
// read lead_requests; the shell's count reads an open-request partial index: all keep their figures.
import pg from "pg";
import type { TActor } from "@/lib/auth/permissions";
import { listLeads } from "@/lib/leads/list-leads";
import { getCallList } from "@/lib/calls/get-call-list";
import { getLiveShell } from "@/lib/live/get-live-shell";
import { listLeadRequests } from "@/lib/requests/list-lead-requests";
import { useDatabase as pointDbAt } from "./bench-database";
import { timeRuns, type TTiming } from "./report";

export const OPEN_REQUESTS = 10_000;
const RUNS = 40;
const BENCH_MARK = "bench-open-requests";

async function sql(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

/** Within 1.5× of the figure without requests, or 5 ms (noise on a busy 2-core machine). */
export const keepsFigure = (before: TTiming, after: TTiming) => after.p95 <= Math.max(before.p95 * 1.5, before.p95 + 5);

export async function openRequestsCase(url: string, rep: TActor, manager: TActor) {
  pointDbAt(url);
  const views: [string, () => Promise<unknown>][] = [
    ["leads list: all, newest first", () => listLeads(rep, { filter: {} })],
    ["leads list: my open, by follow-up", () => listLeads(rep, { filter: { status: "assigned,in_progress", assigned: "me" }, sort: "follow_up", dir: "asc" })],
    ["leads list: page 200 (manager)", () => listLeads(manager, { filter: {}, page: 200 })],
    ["call list (rep)", () => getCallList(rep, {})],
    ["nav shell with badges (rep)", () => getLiveShell(rep)],
    ["nav shell with badges (manager)", () => getLiveShell(manager)],
  ];
  await sql(url, `DELETE FROM lead_requests WHERE reason = '${BENCH_MARK}'`);
  const before: Record<string, TTiming> = {};
  for (const [name, fn] of views) before[name] = await timeRuns(fn, RUNS, 5);

  const inserted = await sql(
    url,
    `WITH reps AS (SELECT array_agg(id ORDER BY id) AS a FROM users WHERE role = 'admin' AND active)
     INSERT INTO lead_requests (lead_id, kind, state, requester_id, receiver_id, reason, payload, updated_at)
     SELECT l.id, 'handoff',
            (CASE WHEN l.id % 2 = 0 THEN 'awaiting_approval' ELSE 'awaiting_acceptance' END)::lead_request_state,
            l.assigned_admin_id, reps.a[1 + (l.id % array_length(reps.a, 1))], '${BENCH_MARK}',
            jsonb_build_object('from_admin_id', l.assigned_admin_id), now()
     FROM (SELECT id, assigned_admin_id FROM sales_leads
           WHERE status IN ('assigned', 'in_progress') AND assigned_admin_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM lead_requests r WHERE r.lead_id = sales_leads.id AND r.state IN ('awaiting_approval', 'awaiting_acceptance'))
           ORDER BY id LIMIT ${OPEN_REQUESTS}) l, reps`,
  );
  await sql(url, "ANALYZE lead_requests");
  try {
    const after: Record<string, TTiming> = {};
    for (const [name, fn] of views) after[name] = await timeRuns(fn, RUNS, 5);
    const queue = {
      manager: await timeRuns(() => listLeadRequests(manager), 20, 3),
      rep: await timeRuns(() => listLeadRequests(rep), 20, 3),
    };
    const shell = (await getLiveShell(manager)).requestCount;
    const rows = views.map(([name]) => ({
      view: name,
      "p50 without": before[name].p50,
      "p95 without": before[name].p95,
      [`p50 with ${OPEN_REQUESTS / 1000}k`]: after[name].p50,
      [`p95 with ${OPEN_REQUESTS / 1000}k`]: after[name].p95,
      kept: keepsFigure(before[name], after[name]) ? "yes" : "NO",
    }));
    return {
      rows,
      queue,
      figures: { open_requests: inserted.rowCount, manager_badge: shell, without: before, with: after, requests_page: queue },
      pass: (inserted.rowCount ?? 0) === OPEN_REQUESTS && views.every(([name]) => keepsFigure(before[name], after[name])),
    };
  } finally {
    await sql(url, `DELETE FROM lead_requests WHERE reason = '${BENCH_MARK}'`);
  }
}
