// Issue #21's bench case, run by `npm run bench -- workflow` on the big database: the leads list,
// the call list and the nav shell (pool, Inbox and Requests badges, read on every page) timed
// without them, then with 10 000 open lead requests (half waiting for a manager, half for the
// receiver, receivers spread over the reps) and 10 000 internal notes present (one on each of
// those leads, a fifth of them on the lead's company too, each @mentioning a user, whose unread
// mention sits in their inbox), then all of it is removed again. The lists do not read
// lead_requests or notes; the shell's counts read partial indexes (open requests, unread
// notifications): all keep their figures.
import pg from "pg";
import type { TActor } from "@/lib/auth/permissions";
import { listLeads } from "@/lib/leads/list-leads";
import { getCallList } from "@/lib/calls/get-call-list";
import { getLiveShell } from "@/lib/live/get-live-shell";
import { listLeadRequests } from "@/lib/requests/list-lead-requests";
import { useDatabase as pointDbAt } from "./bench-database";
import { timeRuns, type TTiming } from "./report";

export const OPEN_REQUESTS = 10_000;
export const NOTES = 10_000;
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
  const cleanUp = async () => {
    await sql(url, `DELETE FROM lead_requests WHERE reason = '${BENCH_MARK}'`);
    await sql(url, `DELETE FROM notifications WHERE kind = 'mention' AND title = '${BENCH_MARK}'`);
    await sql(url, `DELETE FROM notes WHERE body LIKE '${BENCH_MARK}%'`);
  };
  await cleanUp();
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
  // Notes on the same leads (and a fifth on their companies), by and mentioning active users.
  const notes = await sql(
    url,
    `WITH u AS (SELECT array_agg(id ORDER BY id) AS a, count(*)::int AS n FROM users WHERE active),
          l AS (SELECT r.lead_id AS id, s.company_id FROM lead_requests r JOIN sales_leads s ON s.id = r.lead_id
                WHERE r.reason = '${BENCH_MARK}' ORDER BY r.lead_id LIMIT ${NOTES})
     INSERT INTO notes (lead_id, company_id, author_id, body, mention_ids, created_at)
     SELECT CASE WHEN k = 0 THEN l.id END, CASE WHEN k = 1 THEN l.company_id END,
            u.a[1 + (l.id % u.n)], '${BENCH_MARK}: called them, @' || u.a[1 + ((l.id + 1) % u.n)] || ' please follow up' || repeat(' ·', 40),
            ARRAY[u.a[1 + ((l.id + 1) % u.n)]], now() - (l.id % 10000) * interval '1 minute'
     FROM l, u, generate_series(0, 1) AS k
     WHERE k = 0 OR l.id % 5 = 0`,
  );
  const mentions = await sql(
    url,
    `INSERT INTO notifications (user_id, kind, title, body, href, lead_id, actor_id, created_at, read_at)
     SELECT n.mention_ids[1], 'mention', '${BENCH_MARK}', left(n.body, 200), '/admin/crm/notes/' || n.id, n.lead_id, n.author_id, n.created_at,
            CASE WHEN n.id % 2 = 0 THEN n.created_at END
     FROM notes n WHERE n.body LIKE '${BENCH_MARK}%' AND n.mention_ids[1] <> n.author_id`,
  );
  // What autovacuum does on a live server after this many inserts (it is off on the bench server):
  // without it the badges' index-only counts visit the heap for every new row.
  for (const table of ["lead_requests", "notes", "notifications"]) await sql(url, `VACUUM (ANALYZE) ${table}`);
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
      figures: { open_requests: inserted.rowCount, notes: notes.rowCount, mentions: mentions.rowCount, manager_badge: shell, without: before, with: after, requests_page: queue },
      pass: (inserted.rowCount ?? 0) === OPEN_REQUESTS && (notes.rowCount ?? 0) >= NOTES && views.every(([name]) => keepsFigure(before[name], after[name])),
    };
  } finally {
    await cleanUp();
  }
}
